import type { RunProgress } from '../../../shared/contract';
import { z } from 'zod';
import { AppError } from '../errors';
import { keepBounded } from '../vacancies/retention';
import type { AutomationDeps } from './deps';
import { record } from './reports';
import type { Job } from './scheduler';

const MINUTE = 60_000;
/** Statuses and employer messages are read this often. */
const SYNC_EVERY_MS = 10 * MINUTE;
/** A checkpoint and, when one is due, a backup, even on a day with no writes big enough for one. */
const BACKUP_EVERY_MS = 24 * 60 * MINUTE;
/** hh.ru lets a resume be raised about every 4 hours; a minute more keeps the app on the right side of it. */
const RAISE_EVERY_MS = 4 * 60 * MINUTE + MINUTE;
/** An API sign-in's token is renewed when it has expired (hh.ru refuses earlier renewals): checked hourly. */
const TOKEN_EVERY_MS = 60 * MINUTE;
/** Set after the first chat sync, whose invitations and messages predate the app and are not announced. */
const BASELINE_KEY = 'chats.baselineRead';

/** Raising each resume in hh.ru's search (only while the user has turned it on). */
export const raiseJob = (deps: AutomationDeps): Job => ({
  id: 'raise:resumes',
  intervalMs: RAISE_EVERY_MS,
  run: async () => {
    if (!(await deps.signedIn())) return record('notSignedIn');
    let raised = 0;
    for (const resume of await deps.repositories.resumes.list()) {
      try {
        await deps.gateway.raiseResume(resume.hhId);
        raised += 1;
      } catch (err) {
        // hh.ru's own 4-hour rule: not a failure, the next run tries again.
        if (!(err instanceof AppError) || err.code !== 'hh_rate_limited') throw err;
      }
    }
    return record('raised', { count: raised });
  },
});

/** Keeping an API sign-in's token fresh. */
export const tokenJob = (deps: AutomationDeps): Job => ({
  id: 'hh:token',
  intervalMs: TOKEN_EVERY_MS,
  run: async () => record((await deps.keepApiSignIn()) ? 'apiChecked' : 'noApiSignIn'),
});

/** One notification per kind and sync, naming the first chat and how many there are. */
async function announce(deps: AutomationDeps, kind: 'invitation' | 'human_message', chatIds: number[]) {
  const [first] = chatIds;
  if (first === undefined) return;
  const chat = await deps.repositories.chats.get(first);
  const vacancy = chat?.vacancyId ? await deps.repositories.vacancies.get(chat.vacancyId) : undefined;
  deps.events.emit('automation.notify', {
    kind,
    params: { count: chatIds.length, employer: vacancy?.employer.name ?? '', vacancy: vacancy?.title ?? '' },
  });
}

/**
 * Statuses and chats: what is new on hh.ru, announced (after the first read, which is the baseline),
 * a reply draft for each person who wrote, and a bot's questionnaire answered where the user allows.
 */
export const chatsJob = (
  deps: AutomationDeps,
  options: { report: (step: Omit<RunProgress, 'job'>) => void; answerBots: () => Promise<boolean> },
): Job => ({
  id: 'sync:chats',
  intervalMs: SYNC_EVERY_MS,
  run: async (signal) => {
    const { repositories } = deps;
    if (!(await deps.signedIn())) return record('notSignedIn');
    options.report({ phase: 'reading', done: 0, total: 0, waitingFor: 'hh', until: null });
    const provider = await deps.provider();
    const result = await deps.chats.sync(provider, signal);
    // The first sync reads what was there before the app: it is the baseline, not news.
    if (!(await repositories.appSettings.get(BASELINE_KEY, z.boolean()))) {
      await repositories.appSettings.set(BASELINE_KEY, true);
      return record('syncBaseline', { chats: result.chats });
    }
    await announce(deps, 'invitation', result.invitationChatIds);
    await announce(deps, 'human_message', result.humanChatIds);
    // An invitation is a person writing too: it gets a draft like any other human message.
    const people = [...new Set([...result.invitationChatIds, ...result.humanChatIds])];
    options.report({ phase: 'drafting', done: 0, total: people.length + result.botChatIds.length, waitingFor: 'ai', until: null });
    const replies = await deps.chats.prepareReplies({ human: people, bot: result.botChatIds }, provider, {
      answerBots: await options.answerBots(),
      signal,
    });
    return record('sync', {
      chats: result.chats,
      messages: result.newMessages,
      people: result.newHumanMessages,
      invitations: result.invitations,
      drafts: replies.drafted,
      answered: replies.answered,
    });
  },
});

/** The daily checkpoint and backup, after retention (what it frees is then in this checkpoint). */
export const backupJob = (deps: AutomationDeps): Job => ({
  id: 'backup',
  intervalMs: BACKUP_EVERY_MS,
  run: async () => {
    const kept = await keepBounded({ repositories: deps.repositories, clock: deps.clock, log: deps.log, compact: deps.compact });
    if (!kept.compacted) await deps.checkpoint();
    return kept.trimmed
      ? record('checkpointTrimmed', { trimmed: kept.trimmed, freedMb: Math.round(kept.freedBytes / 104_857.6) / 10 })
      : record('checkpoint');
  },
});
