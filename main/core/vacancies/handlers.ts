import type { blacklistChannels, vacanciesChannels } from '../../../shared/contract';
import { searchFiltersSchema, vacancyStatuses, type VacancyStatus } from '../../../shared/domain';
import type { TextProvider } from '../ai/provider';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import { pickResume, resumeForAi, scoringResume } from '../resumes/for-ai';
import { AppError, say } from '../errors';
import type { HhGateway } from '../hh/gateway';
import { vacancyIdFrom } from '../hh/website/site';
import { scoreVacancy } from './scoring';
import { requireVacancy, toSummary } from './summary';
import { fullVacancy, settleHhMarks } from './full';
import { hideVacancy } from './hide';
import { retention, setRetention } from './retention';

/** hh.ru's recommendations for a resume: the first pages, as many as one search run keeps at most. */
const RECOMMENDED_PER_PAGE = 100;

export function vacanciesHandlers(deps: {
  repositories: Repositories;
  gateway: HhGateway;
  provider: () => Promise<TextProvider>;
  /** The hh.ru site the app works with (a proxy or a test fake may stand in): its vacancy links are accepted too. */
  siteUrl: string;
}): HandlersOf<typeof vacanciesChannels> & HandlersOf<typeof blacklistChannels> {
  const { repositories, gateway } = deps;

  const noResume = () =>
    AppError.of('hh_resume_problem', 'Pick a resume: sign in to hh.ru so the app can see your resumes.', {
      next: { kind: 'open_settings', section: 'hh' },
    });
  /** The resume asked for, or the one letters use (resumes/for-ai.ts); hh.ru's resumes come with signing in. */
  const resumeFor = async (resumeHhId: string | null) => {
    const resume = await pickResume(repositories, resumeHhId);
    if (!resume) throw noResume();
    return resume;
  };

  return {
    'vacancies.list': async (input) => {
      // Rows show the score kept for the resume scores are made for (as vacancies.keptScore does).
      const resume = await pickResume(repositories);
      return repositories.vacancies.list({ ...input, resume: resume ? { hhId: resume.hhId, updatedAt: resume.updatedAt } : null });
    },
    /** Opening a vacancy reads it in full once, so the pane shows its description; a closed one shows why. */
    'vacancies.get': async ({ id }) => {
      const vacancy = await requireVacancy(repositories, id);
      try {
        const full = await fullVacancy(deps, vacancy);
        return (await settleHhMarks(repositories, full)) ? await requireVacancy(repositories, id) : full;
      } catch (err) {
        if (err instanceof AppError && err.code === 'hh_vacancy_gone') return requireVacancy(repositories, id);
        throw err;
      }
    },
    'vacancies.retention.get': () => retention(repositories),
    'vacancies.retention.set': (input) => setRetention(repositories, input),
    'vacancies.counts': async () => {
      const counted = await repositories.vacancies.countByStatus();
      const byStatus = Object.fromEntries(vacancyStatuses.map((status) => [status, counted[status] ?? 0])) as Record<VacancyStatus, number>;
      return { total: Object.values(byStatus).reduce((sum, n) => sum + n, 0), byStatus };
    },
    'vacancies.add': async ({ link }) => {
      const hhId = vacancyIdFrom(link, [deps.siteUrl]);
      // The user's own text goes back to them, so they see which paste was wrong.
      if (!hhId)
        throw AppError.of('invalid_input', say('vacancies.notALink', { link: link.slice(0, 80) }), { next: { kind: 'fix_input' } });
      // Read in full here (the page is the vacancy's full read): a letter may be drafted from it at once.
      await repositories.vacancies.upsertMany([await gateway.vacancy(hhId)]);
      const stored = await repositories.vacancies.getByHhId(hhId);
      if (!stored) throw AppError.of('internal', 'The vacancy was read but could not be kept.');
      await settleHhMarks(repositories, stored);
      return toSummary((await repositories.vacancies.get(stored.id)) ?? stored);
    },
    'vacancies.setStatus': async ({ id, status }) => {
      await repositories.vacancies.setStatus(id, status);
      return toSummary(await requireVacancy(repositories, id));
    },
    'vacancies.hide': async ({ id }) => {
      await hideVacancy(deps, id);
      return toSummary(await requireVacancy(repositories, id));
    },
    'vacancies.score': async ({ id, resumeHhId }) => {
      // Scored from what letters are written from: the full resume, with the built one as the user chose.
      const [vacancy, forAi] = await Promise.all([requireVacancy(repositories, id), resumeForAi(deps, resumeHhId)]);
      const resume = scoringResume(forAi);
      if (!resume) throw noResume();
      const result = await scoreVacancy({ provider: await deps.provider(), vacancy, resume, cache: repositories.vacancyScores });
      return { score: result.score, reason: result.reason, model: result.model, cached: result.cached };
    },
    'vacancies.keptScore': async ({ id, resumeHhId }) => {
      // The resume scores are made for (the user's pick, not the first in the list), so the pane shows the score the pipeline kept.
      // A resume no longer known has no kept score: the pane shows none rather than an error.
      const resume = resumeHhId ? await repositories.resumes.getByHhId(resumeHhId) : await pickResume(repositories);
      if (!resume) return null;
      const kept = await repositories.vacancyScores.get(id, resume.hhId);
      // As scoreVacancy decides: a score older than the resume's last change would be made again.
      if (!kept || kept.scoredAt < resume.updatedAt) return null;
      return { score: kept.score, reason: kept.reason, model: kept.model, scoredAt: kept.scoredAt };
    },
    'vacancies.recommended': async ({ resumeHhId }) => {
      const resume = await resumeFor(resumeHhId);
      const page = await gateway.similarVacancies(resume.hhId, {
        filters: searchFiltersSchema.parse({}),
        page: 0,
        perPage: RECOMMENDED_PER_PAGE,
      });
      const blacklisted = new Set((await repositories.employerBlacklist.list()).map((entry) => entry.employerId));
      const kept = page.items.filter((vacancy) => !vacancy.employer.id || !blacklisted.has(vacancy.employer.id));
      const stored = await repositories.vacancies.upsertMany(kept);
      await repositories.vacancies.markRecommended(kept.map((vacancy) => vacancy.hhId));
      return { found: page.found, ...stored, blacklisted: page.items.length - kept.length };
    },

    'blacklist.list': () => repositories.employerBlacklist.list(),
    'blacklist.add': async (input) => {
      await gateway.hideEmployer(input.employerId);
      await repositories.employerBlacklist.add(input);
      await repositories.auditLog.append({
        action: 'employer.blacklisted',
        target: `employer ${input.employerId}`,
        outcome: 'ok',
        details: '',
      });
      return repositories.employerBlacklist.list();
    },
    'blacklist.remove': async ({ employerId }) => {
      await repositories.employerBlacklist.remove(employerId);
      return repositories.employerBlacklist.list();
    },
  };
}
