import type { automationChannels, AutomationStatus } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';
import type { Scheduler } from './scheduler';

export interface AutomationHandlerDeps {
  repositories: Repositories;
  scheduler: Pick<Scheduler, 'cancel'>;
  /** What the engine does and why (automation/index.ts): every change answers with it. */
  status(): Promise<AutomationStatus>;
}

/** Settings → Automation and the top bar's Cancel: quiet hours, raising resumes, answering bots, stopping a run. */
export function automationHandlers({ repositories, scheduler, status }: AutomationHandlerDeps): HandlersOf<typeof automationChannels> {
  return {
    'automation.status': status,
    'automation.setQuietHours': async (quiet) => {
      await repositories.appSettings.set('automation.quietHours', quiet);
      return status();
    },
    'automation.setRaiseResumes': async ({ enabled }) => {
      await repositories.appSettings.set('automation.raiseResumes', enabled);
      return status();
    },
    'automation.setAnswerBots': async ({ enabled }) => {
      await repositories.appSettings.set('automation.answerBots', enabled);
      return status();
    },
    'automation.cancel': async ({ job }) => {
      if (!scheduler.cancel(job)) throw AppError.of('not_found', 'This run has already finished.');
      return status();
    },
  };
}
