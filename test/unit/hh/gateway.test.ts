import { describe, expect, it } from 'vitest';
import type { HhOperation } from '../../../shared/domain';
import { HhError } from '../../../main/core/hh/errors';
import { HhGateway } from '../../../main/core/hh/gateway';
import type { HhTransport } from '../../../main/core/hh/transport';
import { silentLogger } from '../../../main/core/ports';

const refused = () => new HhError('hh_forbidden_for_app', 'refused', { status: 403, type: 'forbidden' });

function transport(
  id: HhTransport['id'],
  behaviour: { unavailable?: Partial<Record<HhOperation, string>>; apply?: () => Promise<unknown> },
) {
  let applyCalls = 0;
  const t = {
    id,
    unavailableReason: async (op: HhOperation) => behaviour.unavailable?.[op] ?? null,
    apply: async () => {
      applyCalls += 1;
      return (behaviour.apply ?? (async () => ({ kind: 'applied', negotiationId: `${id}-1` })))();
    },
    get applyCalls() {
      return applyCalls;
    },
  };
  return t as unknown as HhTransport & { applyCalls: number };
}

const input = { vacancyId: '1', resumeId: 'r', message: 'Здравствуйте' };

describe('hh.ru gateway routing', () => {
  it('uses the first transport that can serve the operation', async () => {
    const official = transport('official', {});
    const website = transport('website', {});
    const gateway = new HhGateway([official, website], silentLogger);
    expect(await gateway.apply(input)).toEqual({ kind: 'applied', negotiationId: 'official-1', transport: 'official' });
    expect(website.applyCalls).toBe(0);
  });

  it('switches an operation refused for third-party apps to the next transport, and remembers it', async () => {
    const official = transport('official', { apply: async () => Promise.reject(refused()) });
    const website = transport('website', {});
    const gateway = new HhGateway([official, website], silentLogger);
    expect(await gateway.apply(input)).toEqual({ kind: 'applied', negotiationId: 'website-1', transport: 'website' });
    expect(await gateway.apply(input)).toEqual({ kind: 'applied', negotiationId: 'website-1', transport: 'website' });
    expect(official.applyCalls).toBe(1);
    const apply = (await gateway.capabilities()).find((c) => c.operation === 'apply')!;
    expect(apply.transport).toBe('website');
    expect(apply.unavailable).toEqual([
      { transport: 'official', code: 'refused_for_apps', reason: 'hh.ru refuses this operation for third-party applications' },
    ]);
  });

  it('skips a transport that says it cannot, and reports why', async () => {
    const official = transport('official', { unavailable: { apply: 'needs a sign-in through your own dev.hh.ru application' } });
    const website = transport('website', { unavailable: { apply: 'not signed in to the hh.ru website' } });
    const gateway = new HhGateway([official, website], silentLogger);
    await expect(gateway.apply(input)).rejects.toMatchObject({ code: 'hh_login_required', next: { kind: 'sign_in' } });
    const apply = (await gateway.capabilities()).find((c) => c.operation === 'apply')!;
    expect(apply.transport).toBeNull();
    expect(apply.unavailable.map((u) => u.transport)).toEqual(['official', 'website']);
  });

  it('passes other hh.ru errors through: they are answers, not routing problems', async () => {
    const official = transport('official', {
      apply: async () => Promise.reject(new HhError('hh_already_applied', 'already', { status: 403 })),
    });
    const website = transport('website', {});
    const gateway = new HhGateway([official, website], silentLogger);
    await expect(gateway.apply(input)).rejects.toMatchObject({ code: 'hh_already_applied' });
    expect(website.applyCalls).toBe(0);
  });

  it('probing again (sign-in, "refresh") forgets refusals, so an API hh.ru reopened is used again', async () => {
    let refuse = true;
    const saved: Record<string, string>[] = [];
    const official = transport('official', {
      apply: async () => (refuse ? Promise.reject(refused()) : { kind: 'applied', negotiationId: 'official-3' }),
    });
    const gateway = new HhGateway([official, transport('website', {})], silentLogger, {
      load: async () => ({}),
      save: async (r) => void saved.push(r),
    });
    expect(await gateway.apply(input)).toEqual({ kind: 'applied', negotiationId: 'website-1', transport: 'website' });
    refuse = false;
    expect(await gateway.apply(input)).toEqual({ kind: 'applied', negotiationId: 'website-1', transport: 'website' }); // still remembered
    await gateway.probe();
    expect(saved.at(-1)).toEqual({});
    expect(await gateway.apply(input)).toEqual({ kind: 'applied', negotiationId: 'official-3', transport: 'official' });
  });

  it('with no path left, says how this shell signs in', async () => {
    const none = transport('website', { unavailable: { apply: 'x' } });
    await expect(new HhGateway([none], silentLogger, undefined, 'give the app your cookies.txt').apply(input)).rejects.toThrow(
      /Give the app your cookies\.txt\.$/,
    );
  });

  it('forgets refusals when asked (a new sign-in, another application)', async () => {
    let refuse = true;
    const official = transport('official', {
      apply: async () => (refuse ? Promise.reject(refused()) : { kind: 'applied', negotiationId: 'official-2' }),
    });
    const gateway = new HhGateway([official, transport('website', {})], silentLogger);
    await gateway.apply(input);
    refuse = false;
    gateway.resetRefusals();
    expect(await gateway.apply(input)).toEqual({ kind: 'applied', negotiationId: 'official-2', transport: 'official' });
  });
});
