import type { ChannelName, Result } from '../../shared/contract';
import type { Core } from '../core';

/**
 * One-shot commands over the same contract the window uses: `npm run cli -- status`, and so on.
 * Each prints what a person reads and returns the exit code; failures print the core's sentence.
 */
export const commandNames = ['status', 'searches', 'run', 'drafts', 'send', 'sync'] as const;
export type CommandName = (typeof commandNames)[number];
export const isCommand = (word: string | undefined): word is CommandName => commandNames.includes(word as CommandName);

type Print = (line: string) => void;

async function call<T>(core: Pick<Core, 'invoke'>, name: ChannelName, input: unknown, print: Print): Promise<T | undefined> {
  const result = (await core.invoke(name, input)) as Result<T>;
  if (result.ok) return result.value;
  print(`Error (${result.error.code}): ${result.error.message}`);
  return undefined;
}

const idArg = (args: string[], what: string, print: Print): number | undefined => {
  const id = Number(args[0]);
  if (Number.isInteger(id) && id > 0) return id;
  print(
    `Give the ${what}'s number, e.g. \`npm run cli -- ${what === 'saved search' ? 'run 1' : 'send 12'}\` (see \`${what === 'saved search' ? 'searches' : 'drafts'}\`).`,
  );
  return undefined;
};

export async function runCommand(
  core: Pick<Core, 'invoke'>,
  command: CommandName,
  args: string[],
  print: Print = console.log,
): Promise<number> {
  switch (command) {
    case 'status': {
      const status = await call<{
        reason: string;
        until: string | null;
        nextRunAt: string | null;
        jobs: { job: string; outcome: string | null; message: string | null; nextDueAt: string | null }[];
      }>(core, 'automation.status', {}, print);
      const account = await call<{ signedIn: boolean; via: string | null }>(core, 'hh.status', {}, print);
      if (!status || !account) return 1;
      print(`hh.ru: ${account.signedIn ? `signed in (${account.via})` : 'signed out'}`);
      print(`automation: ${status.reason}${status.until ? ` until ${status.until}` : ''}; next run ${status.nextRunAt ?? '-'}`);
      for (const job of status.jobs)
        print(`  ${job.job}: ${job.outcome ?? 'never run'}${job.message ? ` (${job.message})` : ''}; next ${job.nextDueAt ?? 'now'}`);
      return 0;
    }
    case 'searches': {
      const searches = await call<{ id: number; name: string; mode: string; active: boolean; intervalHours: number }[]>(
        core,
        'searches.list',
        {},
        print,
      );
      if (!searches) return 1;
      if (!searches.length) print('No saved searches yet: create one in the app (Searches).');
      for (const s of searches) print(`${s.id}\t${s.name}\t${s.mode}\t${s.active ? `every ${s.intervalHours} h` : 'off'}`);
      return 0;
    }
    case 'run': {
      const id = idArg(args, 'saved search', print);
      if (id === undefined) return 2;
      const result = await call<{ found: number; added: number; updated: number }>(core, 'searches.run', { id }, print);
      if (!result) return 1;
      print(`hh.ru found ${result.found}; ${result.added} new, ${result.updated} already known.`);
      return 0;
    }
    case 'drafts': {
      const page = await call<{
        total: number;
        items: {
          application: { id: number; state: string };
          vacancy: { title: string; employer: { name: string | null } };
          validation: { ok: boolean };
        }[];
      }>(core, 'letters.list', { states: ['draft', 'approved'], limit: 200 }, print);
      if (!page) return 1;
      if (!page.total) print('No letters waiting.');
      for (const item of page.items) {
        print(
          `${item.application.id}\t${item.vacancy.title} - ${item.vacancy.employer.name ?? ''}\t${item.validation.ok ? 'ready' : 'needs editing'}`,
        );
      }
      return 0;
    }
    case 'send': {
      const id = idArg(args, 'letter', print);
      if (id === undefined) return 2;
      const view = await call<{ application: { state: string; transport: string | null } }>(
        core,
        'letters.send',
        { applicationId: id },
        print,
      );
      if (!view) return 1;
      print(`Letter ${id}: ${view.application.state}${view.application.transport ? ` (via ${view.application.transport})` : ''}.`);
      return 0;
    }
    case 'sync': {
      const result = await call<{ chats: number; newMessages: number }>(core, 'chats.sync', {}, print);
      if (!result) return 1;
      print(`${result.chats} responses read; ${result.newMessages} new messages.`);
      return 0;
    }
  }
}
