import type { profileChannels } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';
import { refreshResume, resumeContent, type ResumeContentDeps } from '../resumes/content';
import { chooseResume, chosenResume } from '../resumes/choice';

export function profileHandlers(
  deps: ResumeContentDeps & {
    repositories: Repositories;
    /** The profile's email is also the contact hh.ru sees in the app's user agent. */
    onEmail: (email: string) => void;
  },
): HandlersOf<typeof profileChannels> {
  const { repositories } = deps;
  return {
    'profile.get': () => repositories.profile.get(),
    'profile.resume': async () => ({ resumeHhId: await chosenResume(repositories) }),
    'profile.setResume': async ({ resumeHhId }) => {
      if (!(await chooseResume(repositories, resumeHhId)))
        throw AppError.of('not_found', 'This resume is not among your resumes: refresh the hh.ru account and pick again.');
      return { resumeHhId };
    },
    'profile.resumeContent': ({ resumeHhId }) => resumeContent(deps, resumeHhId),
    'profile.refreshResume': ({ resumeHhId }) => refreshResume(deps, resumeHhId),
    'profile.set': async (profile) => {
      const saved = await repositories.profile.save(profile);
      deps.onEmail(saved.email);
      return saved;
    },
  };
}
