import { afterEach, describe, expect, it } from 'vitest';
import { hhErrors } from '../../fakes/hh/server';
import { signInThroughOAuth, startHhWorld, type HhWorld } from '../../support/hh';

let world: HhWorld | undefined;
afterEach(async () => {
  expect(world?.fake.violations ?? []).toEqual([]);
  await world?.close();
  world = undefined;
});

const posts = (w: HhWorld) => w.fake.requests.filter((r) => r.route === 'POST /negotiations').length;
const checks = (w: HhWorld) => w.fake.requests.filter((r) => r.route === 'GET /negotiations');

async function signedInWithVacancy() {
  world = await startHhWorld();
  const status = await signInThroughOAuth(world);
  const vacancy = world.fake.addVacancy();
  const w = world;
  const apply = () =>
    w.app.core.hh.gateway.apply({
      vacancyId: vacancy.id,
      resumeId: status.resumes[0]!.id,
      message: 'Здравствуйте! Меня заинтересовала вакансия.',
    });
  return { w, vacancy, apply };
}

describe('the API path never sends an application twice', () => {
  it("a 5xx after hh.ru applied: hh.ru's responses have it, so it is applied, with one POST", async () => {
    const { w, vacancy, apply } = await signedInWithVacancy();
    w.fake.failNext('POST /negotiations', hhErrors.serverError(502), 1, { afterHandling: true });
    const outcome = await apply();
    const [negotiation] = w.fake.negotiations();
    expect(outcome).toEqual({ kind: 'applied', negotiationId: negotiation!.id, transport: 'official' });
    expect(posts(w)).toBe(1);
    expect(checks(w).map((r) => new URL(r.url).searchParams.get('vacancy_id'))).toEqual([vacancy.id]);
  });

  it('a non-JSON answer after hh.ru applied: checked the same way', async () => {
    const { w, apply } = await signedInWithVacancy();
    w.fake.failNext('POST /negotiations', hhErrors.malformedJson(201), 1, { afterHandling: true });
    expect(await apply()).toMatchObject({ kind: 'applied', negotiationId: w.fake.negotiations()[0]!.id });
    expect(posts(w)).toBe(1);
  });

  it('a 5xx before hh.ru acted: asked, not there, reported as not arrived and not resent', async () => {
    const { w, apply } = await signedInWithVacancy();
    w.fake.failNext('POST /negotiations', hhErrors.serverError(503));
    await expect(apply()).rejects.toMatchObject({ code: 'hh_unavailable', details: { arrived: 'no' } });
    expect(posts(w)).toBe(1);
    expect(checks(w)).toHaveLength(1);
    expect(w.fake.negotiations()).toEqual([]);
  });

  it('a dropped connection while hh.ru cannot be asked either: the original error, unmarked, one POST', async () => {
    const { w, apply } = await signedInWithVacancy();
    w.fake.failNext('POST /negotiations', 'reset', 1, { afterHandling: true });
    w.fake.failNext('GET /negotiations', hhErrors.serverError(503), 10);
    const err = await apply().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'hh_network' });
    expect((err as { details?: Record<string, string> }).details?.arrived).toBeUndefined();
    expect(posts(w)).toBe(1);
  });
});
