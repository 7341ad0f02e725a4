import type { lettersChannels } from '../../../shared/contract';
import type { TextProvider } from '../ai/provider';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import type { HhGateway } from '../hh/gateway';
import type { HhSignInWindow } from '../hh/sign-in-window';
import type { DailyCap } from './daily-cap';
import { rewriteLetter, revertLetter } from './rewrite';
import type { LetterService } from './service';
import { discardLetter, restoreLetter, skipVacancy } from './set-aside';
import { DEFAULT_MAX_LENGTH, validateLetter } from './writing';

export function lettersHandlers(deps: {
  repositories: Repositories;
  gateway: HhGateway;
  letters: LetterService;
  cap: DailyCap;
  window?: HhSignInWindow;
  provider: () => Promise<TextProvider>;
}): HandlersOf<typeof lettersChannels> {
  const { repositories, letters, cap } = deps;
  return {
    'letters.draft': ({ vacancyId, resumeHhId, confirmSecondResume }) => letters.draft(vacancyId, resumeHhId, { confirmSecondResume }),
    'letters.list': (options) => letters.list(options),
    'letters.update': ({ applicationId, letter, keepPrevious }) => letters.update(applicationId, letter, { keepPrevious }),
    'letters.discard': ({ applicationId }) => discardLetter(deps, applicationId),
    'letters.restore': ({ applicationId }) => restoreLetter(deps, applicationId),
    'letters.skip': ({ applicationId, hideOnHh }) => skipVacancy(deps, applicationId, { hideOnHh }),
    'letters.rewrite': ({ applicationId, instruction }) => rewriteLetter(deps, applicationId, instruction),
    'letters.revert': ({ applicationId }) => revertLetter(deps, applicationId),
    'letters.send': ({ applicationId, confirmSecondResume }) => letters.send(applicationId, { confirmSecondResume }),
    'letters.assist': ({ applicationId }) => letters.assist(applicationId, deps.window),
    'letters.markSent': ({ applicationId }) => letters.markSent(applicationId),
    'applying.status': () => cap.status(),
    'applying.setSettings': (settings) => cap.setSettings(settings),

    'letters.validate': async ({ letter, maxLength }) =>
      validateLetter(letter, { profile: await repositories.profile.get(), maxLength: maxLength ?? DEFAULT_MAX_LENGTH }),
  };
}
