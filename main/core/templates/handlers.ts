import type { templatesChannels } from '../../../shared/contract';
import type { TextProvider } from '../ai/provider';
import type { VacancyText } from '../ai/text/vacancy-text';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import { AppError, say } from '../errors';
import type { HhGateway } from '../hh/gateway';
import { vacancyIdFrom } from '../hh/website/site';
import { DEFAULT_MAX_LENGTH, writeLetter } from '../letters/writing';
import { resumeForAi } from '../resumes/for-ai';

type LabVacancyInput = Parameters<HandlersOf<typeof templatesChannels>['templates.try']>[0]['vacancy'];

/** The Templates screen: letter templates, and the Letter lab that tries one on a vacancy the way Letters would write it. */
export function templatesHandlers(deps: {
  repositories: Repositories;
  gateway: HhGateway;
  provider: () => Promise<TextProvider>;
  /** The hh.ru site the app works with (a proxy or a test fake may stand in): its vacancy links count as hh.ru's. */
  siteUrl: string;
}): HandlersOf<typeof templatesChannels> {
  const { repositories } = deps;

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
    const id = vacancyIdFrom(input.idOrUrl, [deps.siteUrl]);
    if (!id) throw AppError.of('invalid_input', say('vacancies.notALink', { link: input.idOrUrl.slice(0, 80) }));
    return deps.gateway.vacancy(id);
  };

  return {
    'templates.list': () => repositories.letterTemplates.list(),
    'templates.save': async ({ id, template, makeDefault }) => {
      const saved =
        id === undefined ? await repositories.letterTemplates.create(template) : await repositories.letterTemplates.update(id, template);
      if (!saved) throw AppError.of('not_found', 'That template no longer exists.');
      if (makeDefault) await repositories.letterTemplates.setDefault(saved.id);
      return repositories.letterTemplates.list();
    },
    'templates.delete': async ({ id }) => {
      await repositories.letterTemplates.delete(id);
      return repositories.letterTemplates.list();
    },
    'templates.try': async (input) => {
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
  };
}
