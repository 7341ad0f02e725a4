import { describe, expect, it, vi } from 'vitest';
import type { HhGateway } from '../../../main/core/hh/gateway';
import { fullResume } from '../../../main/core/resumes/full';
import { silentLogger } from '../../../main/core/ports';
import { useTestDatabase } from '../../support/db-fixture';

const FULL = {
  title: 'Python-разработчик',
  skill_set: ['Django', 'PostgreSQL'],
  experience: [{ company: 'ООО Ромашка', position: 'Backend-разработчик', start: '2020-03-01', end: null, description: 'Писала API на Django.' }],
};

describe('the resume letters are written from', () => {
  const database = useTestDatabase();

  it('is read in full from hh.ru once per change of the resume, then kept', async () => {
    const { repos } = database();
    await repos.resumes.replaceAll([{ hhId: 'r1', hash: 'h1', title: 'Python-разработчик', raw: { title: 'Python-разработчик' } }]);
    const resume = vi.fn(async () => FULL);
    const gateway = { resume } as unknown as HhGateway;
    const deps = { repositories: repos, gateway, log: silentLogger };

    const first = await fullResume(deps, (await repos.resumes.getByHhId('r1'))!);
    expect(first.raw).toEqual(FULL);
    await fullResume(deps, (await repos.resumes.getByHhId('r1'))!);
    expect(resume).toHaveBeenCalledTimes(1);

    // The list says the resume changed: it is read again.
    database().clock.advance(60_000);
    await repos.resumes.replaceAll([{ hhId: 'r1', hash: 'h1', title: 'Python-разработчик (Django)', raw: { title: 'Python-разработчик (Django)' } }]);
    await fullResume(deps, (await repos.resumes.getByHhId('r1'))!);
    expect(resume).toHaveBeenCalledTimes(2);
  });

  it('when hh.ru cannot be asked, the list entry is used and nothing is kept', async () => {
    const { repos } = database();
    await repos.resumes.replaceAll([{ hhId: 'r1', hash: 'h1', title: 'Python-разработчик', raw: { title: 'Python-разработчик' } }]);
    const gateway = { resume: vi.fn(async () => Promise.reject(new Error('offline'))) } as unknown as HhGateway;
    const listed = (await repos.resumes.getByHhId('r1'))!;
    expect(await fullResume({ repositories: repos, gateway, log: silentLogger }, listed)).toEqual(listed);
    expect(await repos.resumes.full('r1', listed.updatedAt)).toBeUndefined();
  });
});
