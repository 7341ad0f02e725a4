import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { channelNames, errorCodes } from '../../../shared/contract';
import { errorStatuses, statusOfCode } from '../../../main/core/local-api/http-status';
import { buildOpenApi } from '../../../main/core/local-api/openapi';
import { API_PREFIX, excludedChannels, isChannelRoute, routes, scopeOf } from '../../../main/core/local-api/routes';

describe('the Local API OpenAPI document', () => {
  const doc = buildOpenApi({ version: '1.2.3', serverUrl: 'http://127.0.0.1:47821' });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(doc)) as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has every route, with its scope and every error status an error code can answer with', () => {
    const paths = doc.paths as Record<
      string,
      Record<string, { security: { bearerAuth: string[] }[]; responses: Record<string, unknown>; requestBody?: unknown }>
    >;
    for (const route of routes) {
      const operation = paths[`${API_PREFIX}${route.path}`]?.[route.method];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation!.security).toEqual([{ bearerAuth: [scopeOf(route)] }]);
      for (const status of [...errorStatuses, 401, 403, 429, route.status ?? 200])
        expect(operation!.responses, `${route.path} ${status}`).toHaveProperty(String(status));
      if (operation!.requestBody) expect(operation!.responses).toHaveProperty('413');
    }
  });

  it('is made from the contract: a field added to a channel shows in its operation', () => {
    const list = (doc.paths as Record<string, Record<string, { parameters: { name: string; in: string }[] }>>)[`${API_PREFIX}/vacancies`]!
      .get!;
    expect(list.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(
      ['limit', 'offset', 'statuses', 'query', 'sort', 'searchId', 'salaryFrom', 'area', 'employer', 'days', 'since', 'recommended'].map(
        (name) => `query:${name}`,
      ),
    );
  });
});

describe('the route table', () => {
  it('maps every contract channel or excludes it with a reason, never both', () => {
    const routed = new Set(routes.filter(isChannelRoute).map((route) => route.channel));
    const neither = channelNames.filter((name) => !routed.has(name) && !excludedChannels[name]);
    const both = channelNames.filter((name) => routed.has(name) && excludedChannels[name]);
    expect(neither, 'add these channels to routes or excludedChannels in main/core/local-api/routes.ts').toEqual([]);
    expect(both).toEqual([]);
    for (const reason of Object.values(excludedChannels)) expect(reason!.length).toBeGreaterThan(10);
  });

  it('has one operation per method and path, and lets no token manage tokens', () => {
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(routes.filter(isChannelRoute).some((route) => route.channel.startsWith('localApi.'))).toBe(false);
  });
});

describe('error codes as HTTP statuses', () => {
  it('every code has a status that means what it says', () => {
    for (const code of errorCodes) expect(statusOfCode[code], code).toBeGreaterThanOrEqual(400);
    expect(statusOfCode).toMatchObject({
      invalid_input: 400,
      unauthorized: 401,
      forbidden_sender: 403,
      not_found: 404,
      conflict: 409,
      rate_limited: 429,
      hh_unavailable: 503,
      ai_unavailable: 503,
    });
  });
});
