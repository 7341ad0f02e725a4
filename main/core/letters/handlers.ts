import type { lettersChannels } from '../../../shared/contract';
import type { TextProvider } from '../ai/provider';
import type { VacancyText } from '../ai/text/vacancy-text';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import { resumeForAi } from '../resumes/for-ai';
import { AppError } from '../errors';
import type { HhGateway } from '../hh/gateway';
import type { HhSignInWindow } from '../hh/sign-in-window';
import { vacancyIdFrom } from '../hh/website/site';
import type { DailyCap } from './daily-cap';
import type { LetterService } from './service';
import { DEFAULT_MAX_LENGTH, validateLetter, writeLetter } from './writing';

type LabVacancyInput = Parameters<HandlersOf<typeof lettersChannels>['letters.lab.generate']>[0]['vacancy'];

export function lettersHandlers(deps: {
  repositories: Repositories;
  gateway: HhGateway;
  letters: LetterService;
  cap: DailyCap;
  window?: HhSignInWindow;
  provider: () => Promise<TextProvider>;
}): HandlersOf<typeof lettersChannels> {
  const { repositories, letters, cap } = deps;

  const labVacancy = async (input: LabVacancyInput): Promise<VacancyText> => {
    if (input.source === 'text') {
      return {
        title: input.title,
        employer: { id: null, name: input.employer || null },
        descriptionText: input.text,
        descriptionHtml: '',
        keySkills: [],
      };
    }
    const id = vacancyIdFrom(input.idOrUrl);
    if (!id)
      throw AppError.of('invalid_input', 'That is not an hh.ru vacancy link or number. Paste a link like https://hh.ru/vacancy/123456.');
    return deps.gateway.vacancy(id);
  };

  return {
    'letters.draft': ({ vacancyId, resumeHhId, confirmSecondResume }) => letters.draft(vacancyId, resumeHhId, { confirmSecondResume }),
    'letters.list': (options) => letters.list(options),
    'letters.update': ({ applicationId, letter }) => letters.update(applicationId, letter),
    'letters.send': ({ applicationId, confirmSecondResume }) => letters.send(applicationId, { confirmSecondResume }),
    'letters.assist': ({ applicationId }) => letters.assist(applicationId, deps.window),
    'letters.markSent': ({ applicationId }) => letters.markSent(applicationId),
    'applying.status': () => cap.status(),
    'applying.setSettings': (settings) => cap.setSettings(settings),

    'letters.templates.list': () => repositories.letterTemplates.list(),
    'letters.templates.save': async ({ id, template, makeDefault }) => {
      const saved =
        id === undefined ? await repositories.letterTemplates.create(template) : await repositories.letterTemplates.update(id, template);
      if (!saved) throw AppError.of('not_found', 'That template no longer exists.');
      if (makeDefault) await repositories.letterTemplates.setDefault(saved.id);
      return repositories.letterTemplates.list();
    },
    'letters.templates.delete': async ({ id }) => {
      await repositories.letterTemplates.delete(id);
      return repositories.letterTemplates.list();
    },
    'letters.lab.generate': async (input) => {
      const [vacancy, profile] = await Promise.all([labVacancy(input.vacancy), repositories.profile.get()]);
      // The same resume, read the same way, as a letter drafted for a vacancy: what the lab shows is what Letters would check.
      const { text: resume } = await resumeForAi(deps, input.resumeHhId);
      const saved =
        input.templateId !== null
          ? await repositories.letterTemplates.get(input.templateId)
          : await repositories.letterTemplates.getDefault();
      const template = {
        instruction: input.instruction ?? saved?.instruction ?? '',
        tone: input.tone ?? saved?.tone ?? '',
        maxLength: input.maxLength ?? saved?.maxLength ?? DEFAULT_MAX_LENGTH,
      };
      const written = await writeLetter({ provider: await deps.provider(), vacancy, resume, profile, template });
      return {
        letter: written.letter,
        prompt: written.prompt,
        validation: written.validation,
        usage: written.usage,
        model: written.model,
        source: written.source,
        vacancyTitle: vacancy.title,
      };
    },
    'letters.validate': async ({ letter, maxLength }) =>
      validateLetter(letter, { profile: await repositories.profile.get(), maxLength: maxLength ?? DEFAULT_MAX_LENGTH }),
  };
}
