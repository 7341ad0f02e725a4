import type { builderChannels } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import { AppError, say } from '../errors';
import type { ExportedFile } from './export';
import { builtResumeChoice, chooseBuiltResume } from '../resumes/built';
import type { ResumeBuilder } from './service';

export interface ResumeBuilderHandlerDeps {
  repositories: Repositories;
  builder: ResumeBuilder;
  /** The desktop's save dialog: the path written, or null when the user cancelled. Absent headless. */
  saveFile?: (file: ExportedFile) => Promise<string | null>;
}

export function builderHandlers(deps: ResumeBuilderHandlerDeps): HandlersOf<typeof builderChannels> {
  const { repositories, builder } = deps;
  return {
    'builder.list': (page) => repositories.interviews.list(page),
    'builder.get': ({ id }) => builder.get(id),
    'builder.create': (input) => builder.create(input),
    'builder.answer': ({ id, text }) => builder.answer(id, text),
    'builder.ask': ({ id }) => builder.ask(id),
    'builder.finish': ({ id }) => builder.finish(id),
    'builder.saveResume': ({ id, markdown }) => builder.saveResume(id, markdown),
    'builder.delete': async ({ id }) => {
      const deleted = await repositories.interviews.delete(id);
      // Letters stop using a deleted resume at once (builtResumeChoice checks), and the choice is forgotten.
      if ((await builtResumeChoice(repositories)) === null) await chooseBuiltResume(repositories, null);
      return { deleted };
    },
    'builder.export': async ({ id, format }) => {
      const file = await builder.export(id, format);
      if (!deps.saveFile)
        return { saved: 'download' as const, fileName: file.fileName, mime: file.mime, base64: Buffer.from(file.bytes).toString('base64') };
      const path = await deps.saveFile(file);
      return path ? { saved: 'file' as const, path, fileName: file.fileName } : { saved: 'cancelled' as const };
    },
    'builder.lettersResume': () => builtResumeChoice(repositories),
    'builder.setLettersResume': async ({ choice }) => {
      if (choice && !(await repositories.interviews.resume(choice.interviewId))) {
        throw AppError.of('invalid_input', say('builder.finishFirst'));
      }
      await chooseBuiltResume(repositories, choice);
      return builtResumeChoice(repositories);
    },
  };
}
