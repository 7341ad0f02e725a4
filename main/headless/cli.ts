import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { nodeScheduleTimer } from '../core/automation/minute-timer';
import { hhSiteUrlFrom } from '../core/hh/website/site';
import { sourceWorkerEntry } from '../core/db/options';
import { openAdvice, openFailureKind } from '../core/db/open-choices';
import { defaultPreferences, memoryPreferences, systemClock, type Logger } from '../core/ports';
import { createAesCipher, createRedactor, loadAppEnv, redactingLogger, secretEnvValues } from '../core/secrets';
import { createFileLogger } from '../core/support/file-logger';
import { logsDirOf } from '../core/support/log-files';
import { teeLogger } from '../core/support/tee-logger';
import { isCommand, runCommand } from './commands';
import { startHeadlessServer } from './server';
import { createHeadlessWebSession } from './web-session';

const usage = `Usage: npm run cli -- [command] [--port N] [--ui DIR] [--token TOKEN] [--data-dir DIR] [--start-empty]

Commands (the same data folder as the app's headless server; one process at a time uses it):
  serve            (default) the scheduler plus the contract on 127.0.0.1 (npm run preview adds the UI)
  status           hh.ru sign-in, whether the automation runs and why not, every job's last run
  searches         saved searches with their numbers
  run <id>         run one saved search now
  drafts           letters waiting, with their numbers and whether they pass their check
  send <id>        send one letter now (checked, capped and paced as in the app)
  sync             read responses and chats from hh.ru

Runs the app's core without Electron. Settings also come from .env and the environment
(AAA_PORT, AAA_TOKEN, AAA_DATA_DIR, AAA_VAULT_KEY, ...); flags win.

  --port N         port to listen on (default: a free one)
  --token TOKEN    bearer token (at least 16 characters; default: a fresh random one)
  --ui DIR         built renderer to serve (npm run preview passes dist/renderer)
  --data-dir DIR   where the database, backups and secrets live (default: ./data)
  --start-empty    if the database is damaged and no backup is good, start with empty data
                   (the damaged file and its journals are kept aside) instead of refusing to start
  --restore-backup open the newest good backup instead of data that would not open (the data
                   file and its journals are kept aside first)`;

const fail = (message: string, code = 2): never => {
  console.error(message);
  process.exit(code);
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    ui: { type: 'string' },
    token: { type: 'string' },
    'data-dir': { type: 'string' },
    'start-empty': { type: 'boolean', default: false },
    'restore-backup': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const [command = 'serve', ...commandArgs] = positionals;
if (command !== 'serve' && !isCommand(command)) fail(`Unknown command "${command}".\n\n${usage}`);

// Flags go through the same validation as the environment, so a bad --port reads like a bad AAA_PORT.
const flags = {
  ...(values.port !== undefined && { AAA_PORT: values.port }),
  ...(values.token !== undefined && { AAA_TOKEN: values.token }),
};
const env = await loadAppEnv(resolve('.env'), { ...process.env, ...flags }).catch((err: unknown) =>
  fail(err instanceof Error ? err.message : String(err)),
);

const consoleLog: Logger = {
  info: (m, d) => console.log(`[info] ${m}`, d ? JSON.stringify(d) : ''),
  warn: (m, d) => console.warn(`[warn] ${m}`, d ? JSON.stringify(d) : ''),
  error: (m, d) => console.error(`[error] ${m}`, d ? JSON.stringify(d) : ''),
};

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { productName: string; version: string };
const dataDir = resolve(values['data-dir'] ?? env.AAA_DATA_DIR ?? 'data');
await mkdir(dataDir, { recursive: true });

// The same log file as the desktop app's, in the data folder; the core fills the redactor it writes through.
const redactor = createRedactor(secretEnvValues(env));
const fileLog = createFileLogger({ dir: logsDirOf(dataDir), redactor, appName: pkg.productName });
const shellLog = teeLogger(consoleLog, fileLog);
const log = redactingLogger(shellLog, redactor);
fileLog.info(`${pkg.productName} ${pkg.version} started (headless, ${command})`, {
  platform: process.platform,
  node: process.versions.node,
});

// Without an app window, the user's hh.ru website session comes from a cookies.txt export.
const hhWebSession = env.HH_COOKIES_FILE
  ? await createHeadlessWebSession({ siteUrl: hhSiteUrlFrom(env), cookiesFile: resolve(env.HH_COOKIES_FILE), writeBack: true, log }).catch(
      (err: unknown) => fail(`HH_COOKIES_FILE: ${err instanceof Error ? err.message : String(err)}`),
    )
  : undefined;

const core = await createCore({
  clock: systemClock,
  log: shellLog,
  redactor,
  preferences: memoryPreferences(defaultPreferences(systemClock)),
  identity: { name: pkg.productName, version: pkg.version, shell: 'headless', platform: process.platform },
  cipher: createAesCipher(env.AAA_VAULT_KEY),
  env,
  hhWebSession,
  // The headless server is the app without a window: it works on the same schedule (one-shot commands do not).
  ...(command === 'serve' && { minuteTimer: nodeScheduleTimer }),
  resourcesDir: fileURLToPath(new URL('../../resources', import.meta.url)),
  storage: {
    dataDir,
    worker: sourceWorkerEntry(),
    onDamagedWithoutBackup: values['start-empty'] ? 'start-empty' : 'fail',
    restoreBackup: values['restore-backup'],
  },
}).catch((err: unknown) => {
  // Support asks for the log when the data would not open: the reason goes there too (the console gets it from fail).
  fileLog.error('the data could not be opened', { error: err instanceof Error ? err.message : String(err) });
  return fail(`${err instanceof Error ? err.message : String(err)}${openAdvice(openFailureKind(err), dataDir)}`, 1);
});

/** Closes the data; a failure is said in a sentence (never a stack trace) and exits 1. */
async function closeCore(): Promise<void> {
  await core
    .dispose()
    .catch((err: unknown) => fail(`The data could not be closed cleanly: ${err instanceof Error ? err.message : String(err)}`, 1));
}

if (isCommand(command)) {
  const code = await runCommand(core, command, commandArgs);
  await closeCore();
  process.exit(code);
}

const server = await startHeadlessServer({
  core,
  port: env.AAA_PORT ?? 0,
  token: env.AAA_TOKEN,
  uiDir: values.ui,
  version: pkg.version,
  callbackPage: (url) => core.hhCallbackPage(url),
  log: core.log,
});
// The session token opens everything: printed once below for the user, never in a log line.
redactor.addSecret(server.token);
console.log(`AI Auto Applier (headless) is listening on ${server.url}`);
console.log(`Data folder: ${dataDir}`);
console.log(`Log: ${fileLog.file}`);
console.log(`Access token: ${server.token}`);
if (values.ui) console.log(`Open the app: ${server.uiUrl}`);
console.log(
  `Local API: ${server.url}/api/v1 (this token, or one made in Settings → Local API while it is on); described at ${server.url}/docs`,
);
for (const notice of core.notices()) console.warn(`[${notice.level}] ${notice.message}`);

const stop = async () => {
  await server.close();
  await closeCore();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
