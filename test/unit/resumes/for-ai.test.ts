import { describe, expect, it, vi } from 'vitest';
import type { HhGateway } from '../../../main/core/hh/gateway';
import { silentLogger } from '../../../main/core/ports';
import { chooseBuiltResume } from '../../../main/core/resumes/built';
import { chooseResume } from '../../../main/core/resumes/choice';
import { pickResume, resumeForAi, scoringResume } from '../../../main/core/resumes/for-ai';
import { APP_RESUME_FIELD } from '../../../main/core/ai/text/resume-facts';
import { useTestDatabase } from '../../support/db-fixture';

const FULL: Record<string, unknown> = {
  r1: { title: 'Python-разработчик', skill_set: ['Django', 'PostgreSQL'] },
  r2: { title: 'Руководитель группы', skill_set: ['Scrum', 'Jira'] },
};

describe('resumeForAi: the one answer to "which resume does the AI read"', () => {
  const database = useTestDatabase();

  /** Two resumes: the first in the list is not the one the user picked. */
  const twoResumes = async () => {
    const { repos } = database();
    await repos.resumes.replaceAll([
      { hhId: 'r1', hash: 'h1', title: 'Python-разработчик', raw: { title: 'Python-разработчик' } },
      { hhId: 'r2', hash: 'h2', title: 'Руководитель группы', raw: { title: 'Руководитель группы' } },
    ]);
    const resume = vi.fn(async (hhId: string) => FULL[hhId]);
    return { repos, resume, deps: { repositories: repos, gateway: { resume } as unknown as Pick<HhGateway, 'resume'>, log: silentLogger } };
  };

  it('with two resumes, reads the one the user picked, not the first, in full, once per change', async () => {
    const { repos, resume, deps } = await twoResumes();
    // The list is sorted by title: "Руководитель группы" comes first, so the user picks the other.
    expect((await repos.resumes.list())[0]?.hhId).toBe('r2');
    expect((await resumeForAi(deps)).resume?.hhId).toBe('r2');
    expect(await chooseResume(repos, 'r1')).toBe(true);

    const picked = await resumeForAi(deps);
    expect(picked).toMatchObject({ resume: { hhId: 'r1' }, text: { title: 'Python-разработчик', raw: FULL.r1 }, unread: false });
    await resumeForAi(deps);
    expect(resume.mock.calls.map(([hhId]) => hhId)).toEqual(['r2', 'r1']);
    // A resume named for one letter wins over the pick.
    expect((await resumeForAi(deps, 'r2')).text?.raw).toEqual(FULL.r2);
    expect(scoringResume(picked)).toMatchObject({ hhId: 'r1', raw: FULL.r1, updatedAt: expect.any(String) });

    // The list says r1 changed: it is read again.
    database().clock.advance(60_000);
    await repos.resumes.replaceAll([
      { hhId: 'r1', hash: 'h1b', title: 'Python-разработчик (Django)', raw: { title: 'Python-разработчик (Django)' } },
      { hhId: 'r2', hash: 'h2', title: 'Руководитель группы', raw: { title: 'Руководитель группы' } },
    ]);
    await resumeForAi(deps);
    expect(resume.mock.calls.map(([hhId]) => hhId)).toEqual(['r2', 'r1', 'r1']);
  });

  it('a check never asks hh.ru: without a gateway only the kept copy is read, and a missing one says unread', async () => {
    const { repos, resume, deps } = await twoResumes();
    expect(await resumeForAi({ repositories: repos }, 'r2')).toMatchObject({
      text: { raw: { title: 'Руководитель группы' } },
      unread: true,
    });
    await resumeForAi(deps, 'r2');
    expect(await resumeForAi({ repositories: repos }, 'r2')).toMatchObject({ text: { raw: FULL.r2 }, unread: false });
    expect(resume).toHaveBeenCalledTimes(1);
  });

  it('when hh.ru cannot be asked, the list entry is read, nothing is kept, and it says unread', async () => {
    const { repos } = await twoResumes();
    const gateway = { resume: vi.fn(async () => Promise.reject(new Error('offline'))) };
    const read = await resumeForAi({ repositories: repos, gateway, log: silentLogger }, 'r1');
    expect(read).toMatchObject({ text: { title: 'Python-разработчик', raw: { title: 'Python-разработчик' } }, unread: true });
    expect(await repos.resumes.full('r1', read.resume!.updatedAt)).toBeUndefined();
  });

  it('the resume built in the app goes beside the hh.ru resume, or in its place, as the user chose; gap markers are left out', async () => {
    const { repos, deps } = await twoResumes();
    const interview = await repos.interviews.create({
      title: 'Мое резюме',
      language: 'ru',
      sourceResumeHhId: null,
      sourceText: null,
      first: { role: 'assistant', text: 'Какую должность?' },
    });
    await repos.interviews.saveResume(interview.id, '# Python-разработчик\n\nОпыт: Django [уточните: период]', []);

    await chooseBuiltResume(repos, { interviewId: interview.id, mode: 'alongside' });
    const beside = await resumeForAi(deps, 'r1');
    expect(beside.text).toMatchObject({
      title: 'Python-разработчик',
      raw: { ...(FULL.r1 as object), [APP_RESUME_FIELD]: '# Python-разработчик\n\nОпыт: Django' },
    });

    await chooseBuiltResume(repos, { interviewId: interview.id, mode: 'instead' });
    expect((await resumeForAi(deps, 'r1')).text).toEqual({
      title: 'Мое резюме',
      raw: { [APP_RESUME_FIELD]: '# Python-разработчик\n\nОпыт: Django' },
    });
  });

  it("a resume the app does not know is an error to act on; for a kept letter's check it is no resume", async () => {
    const { repos, deps } = await twoResumes();
    await expect(pickResume(repos, 'gone')).rejects.toMatchObject({ code: 'not_found' });
    await expect(resumeForAi(deps, 'gone')).rejects.toMatchObject({ code: 'not_found' });
    expect(await resumeForAi(deps, 'gone', { ifGone: 'none' })).toEqual({ resume: null, text: null, unread: false });
  });

  it("without any resume: nothing, and the user's pick of an unfinished one still counts only when picked", async () => {
    const { repos } = database();
    expect(await resumeForAi({ repositories: repos })).toEqual({ resume: null, text: null, unread: false });
    await repos.resumes.replaceAll([
      { hhId: 'draft', hash: 'h0', title: 'Черновик', raw: { title: 'Черновик', status: { id: 'not_finished' } } },
      { hhId: 'ready', hash: 'h1', title: 'Готовое', raw: { title: 'Готовое' } },
    ]);
    expect((await pickResume(repos))?.hhId).toBe('ready');
  });
});
