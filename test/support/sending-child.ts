/**
 * The app half of the sending crash test (test/e2e/crash-sending.test.ts), run as its own process
 * so that SIGKILL stops it wherever it is:
 *
 *   node --import tsx test/support/sending-child.ts setup <data dir> <hh api url> <hh oauth url>
 *   node --import tsx test/support/sending-child.ts send <data dir> <hh api url> <hh oauth url>
 *
 * Each prints `started` once loaded and waits for `go` on stdin. Then it opens a real core (database
 * worker, vault, hh.ru client) on <data dir> against the fake hh.ru the parent runs, with no pause
 * between applications and the "No AI" template writing letters.
 *
 * `setup` signs in through OAuth (prints `authorize <url>`; the parent walks hh.ru's pages and
 * writes `redirect <location>` to stdin), saves a profile, runs a search, drafts a letter for every
 * vacancy it found, prints `ready <letters>` and exits.
 *
 * `send` is the app after a start: the core settles letters an earlier process left in 'sending' in
 * the background, as it does at every start, while this sends every unsent letter one after another
 * through the `letters.send` channel, printing `start <application id> <hh vacancy id>` before each
 * and `done <application id> <state>` or `refused <application id> <code>` after. Once nothing is
 * left to send (a letter refused for good is not tried again) and nothing is in 'sending', it prints
 * `idle` and exits when its stdin closes. In all but the last round the parent kills it with SIGKILL
 * long before that, at a moment of its choosing.
 */
import { readAppEnv } from '../../main/core/secrets';
import { DEFAULT_CLIENT } from '../fakes/hh/server';
import { ok } from './contract';
import { startTestCore } from './core';

type Mode = 'setup' | 'send';
const [mode, dataDir, apiUrl, oauthUrl] = process.argv.slice(2) as [
  Mode | undefined,
  string | undefined,
  string | undefined,
  string | undefined,
];
if ((mode !== 'setup' && mode !== 'send') || !dataDir || !apiUrl || !oauthUrl) {
  console.error('usage: sending-child.ts setup|send <data dir> <hh api url> <hh oauth url>');
  process.exit(2);
}
const say = (line: string) => process.stdout.write(`${line}\n`);

// Lines from the parent; the process never outlives the test: a closed stdin ends it.
const lines: string[] = [];
let onLine: (() => void) | undefined;
let stdinClosed = false;
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  const parts = (pending + chunk).split('\n');
  pending = parts.pop()!;
  lines.push(...parts);
  onLine?.();
});
process.stdin.on('end', () => {
  stdinClosed = true;
  onLine?.();
});
async function nextLine(): Promise<string | undefined> {
  while (!lines.length && !stdinClosed) await new Promise<void>((resolve) => (onLine = resolve));
  return lines.shift();
}

// Started ahead of time (loading the code takes a while), it touches the folder only on "go": the
// process before it may still have it.
say('started');
if ((await nextLine()) !== 'go') process.exit(0);

const app = await startTestCore({
  dataDir,
  env: readAppEnv({
    HH_API_BASE_URL: apiUrl,
    HH_OAUTH_BASE_URL: oauthUrl,
    HH_CLIENT_ID: DEFAULT_CLIENT.clientId,
    HH_CLIENT_SECRET: DEFAULT_CLIENT.clientSecret,
    HH_REDIRECT_URI: DEFAULT_CLIENT.redirectUri,
  }),
  hhMinRequestIntervalMs: 0,
  // Longer than any kill takes to land: an answer the fake holds back is still awaited when the kill comes.
  hhTimeoutMs: 30_000,
  hhRetry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20 },
  applyPacing: { minIntervalMs: 0 },
});
const { core } = app;

type View = { application: { id: number; state: string }; vacancy: { id: number; hhId: string } };
const list = async (states: string[]) => ok<{ items: View[] }>(await core.invoke('letters.list', { states, limit: 500, offset: 0 })).items;

if (mode === 'setup') {
  const { authorizeUrl } = ok<{ authorizeUrl: string }>(await core.invoke('hh.signIn', { mode: 'default' }));
  say(`authorize ${authorizeUrl}`);
  const answer = await nextLine();
  if (!answer?.startsWith('redirect ')) throw new Error(`expected "redirect <location>", got ${answer}`);
  await core.hh.account.completeSignIn(answer.slice('redirect '.length));
  ok(await core.invoke('profile.set', { name: 'Анна Иванова', email: 'anna@example.ru', phone: '', telegram: '@anna_dev', links: [] }));
  const [search] = ok<{ id: number }[]>(await core.invoke('searches.save', { search: { name: 'Все', filters: {}, mode: 'review' } }));
  // "Run now" drafts what the pipeline writes to and sets some aside; every vacancy gets a letter here (drafting again opens the one there is).
  ok(await core.invoke('searches.run', { id: search!.id }));
  const found = ok<{ items: { id: number }[] }>(await core.invoke('vacancies.list', { statuses: [], limit: 500, offset: 0 })).items;
  for (const vacancy of found) ok(await core.invoke('letters.draft', { vacancyId: vacancy.id, resumeHhId: null }));
  say(`ready ${(await list([])).length}`);
  await app.close();
  process.exit(0);
}

say('open');
/** Letters refused for good in this process (an invalid letter, the daily cap): not sent again here. */
const refused = new Set<number>();
for (;;) {
  const unsent = (await list(['draft', 'approved', 'sending'])).filter((view) => !refused.has(view.application.id));
  if (!unsent.length) break;
  let progress = false;
  for (const { application, vacancy } of unsent) {
    say(`start ${application.id} ${vacancy.hhId}`);
    const result = await core.invoke('letters.send', { applicationId: application.id });
    if (result.ok) {
      say(`done ${application.id} ${(result.value as View).application.state}`);
      progress = true;
      continue;
    }
    say(`refused ${application.id} ${result.error.code}`);
    // 'This letter is already being sent': the start-up reconcile is settling it with hh.ru.
    if (application.state === 'sending' && result.error.code === 'invalid_input') continue;
    progress = true;
    const now = (await list([])).find((view) => view.application.id === application.id);
    if (now?.application.state !== 'sending') refused.add(application.id);
  }
  // Only letters the start-up reconcile holds are left: their state is watched until it lets go.
  if (!progress) await new Promise((resolve) => setTimeout(resolve, 20));
}
say('idle');
while ((await nextLine()) !== undefined);
await app.close();
process.exit(0);
