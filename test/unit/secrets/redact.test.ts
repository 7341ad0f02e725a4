import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import type { Logger } from '../../../main/core/ports';
import { createRedactor, REDACTED, redactingLogger } from '../../../main/core/secrets';

const API_KEY = 'sk-proj-ABCdef123456';

describe('redactText patterns', () => {
  const { redactText } = createRedactor();

  it.each([
    ['Authorization: Bearer USERJKH2JH3K4H5J6K7', 'Authorization: Bearer [redacted]'],
    ['bearer eyJhbGciOi.eyJzdWIiOiIx.SflKxwRJSMeKKF2QT4fw', 'bearer [redacted]'],
    ['Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==', 'Authorization: Basic [redacted]'],
    ['GET https://hh.ru/oauth?access_token=abc.def-123&x=1', 'GET https://hh.ru/oauth?access_token=[redacted]&x=1'],
    ['grant_type=refresh_token&refresh_token=USERRRR999', 'grant_type=refresh_token&refresh_token=[redacted]'],
    ['client_id=app1&client_secret=S3CR3T&code=ABCD1234', 'client_id=app1&client_secret=[redacted]&code=[redacted]'],
    ['code=ABCD1234&state=xyz', 'code=[redacted]&state=xyz'],
    ['https://app.example/cb#access_token=zzz999', 'https://app.example/cb#access_token=[redacted]'],
    ['next=%2Fcb%3Fcode%3DSECRET99%26x%3D1', 'next=%2Fcb%3Fcode%3D[redacted]%26x%3D1'],
    ['retry with api_key=abcdef123 now', 'retry with api_key=[redacted] now'],
    [
      '{"access_token":"USER123","token_type":"bearer","expires_in":1209600}',
      '{"access_token":"[redacted]","token_type":"[redacted]","expires_in":1209600}',
    ],
    [
      '{"Authorization": "x y", "clientSecret":"q\\"w", "name":"Ann"}',
      '{"Authorization": "[redacted]", "clientSecret":"[redacted]", "name":"Ann"}',
    ],
    [
      '{"apiKey":"k1","api_key":"k2","credentials":"c","password":"p"}',
      '{"apiKey":"[redacted]","api_key":"[redacted]","credentials":"[redacted]","password":"[redacted]"}',
    ],
    // Forms a security review found unredacted: hh.ru's OAuth scheme, plain-text assignments, cookies.
    ['Authorization: OAuth USERJKH2JH3K4H5J6K7', 'Authorization: OAuth [redacted]'],
    ['config token="abc123xyz" ok', 'config token="[redacted]" ok'],
    ["api_key: 'sk-1234567'", "api_key: '[redacted]'"],
    ['api_key: sk-1234567, model: gpt', 'api_key: [redacted], model: gpt'],
    ['{secret=qwerty99}', '{secret=[redacted]}'],
    ['Set-Cookie: hhtoken=ABCDEF123; path=/; HttpOnly', 'Set-Cookie: [redacted]'],
    ['cookie: crypted_id=XYZ; _xsrf=abc', 'cookie: [redacted]'],
    [
      'sent crypted_id=XYZ123 and _xsrf=abc999 and __ddg1_=qqq777, hhuid=u1',
      'sent crypted_id=[redacted] and _xsrf=[redacted] and __ddg1_=[redacted], hhuid=[redacted]',
    ],
    // A Local API token (a JWT) an earlier run knew and this one does not: its shape gives it away.
    ['an old token eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiIxIn0.c2lnbmF0dXJlLWJ5dGVz was refused', 'an old token [redacted] was refused'],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    'Basic settings are saved',
    'error code=500 from the server',
    'barcode=123',
    'no secrets here',
    'usage: 120 tokens',
    'prompt_tokens: 500, max_tokens=400',
  ])('leaves ordinary text alone: %s', (text) => {
    expect(redactText(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = redactText('Bearer abcdefgh123 {"token":"x"} ?code=1');
    expect(redactText(once)).toBe(once);
  });
});

describe('registered secrets', () => {
  it('hides them anywhere, also URL-encoded and JSON-escaped; ignores values shorter than 6', () => {
    const redactor = createRedactor(['p@ss w/"q"1']);
    redactor.addSecret(API_KEY);
    redactor.addSecret('short');
    redactor.addSecret(undefined);
    expect(redactor.redactText(`key ${API_KEY}!`)).toBe(`key ${REDACTED}!`);
    expect(redactor.redactText(`u=${encodeURIComponent('p@ss w/"q"1')}`)).toBe(`u=${REDACTED}`);
    expect(redactor.redactText(JSON.stringify({ note: 'p@ss w/"q"1' }))).toBe(`{"note":"${REDACTED}"}`);
    expect(redactor.redactText('short and sweet')).toBe('short and sweet');
  });

  it('hides a registered secret written in base64, with or without padding', () => {
    const redactor = createRedactor([API_KEY]);
    const encoded = Buffer.from(API_KEY).toString('base64');
    expect(redactor.redactText(`value ${encoded} end`)).toBe(`value ${REDACTED} end`);
    expect(redactor.redactText(`value ${encoded.replace(/=+$/, '')} end`)).toBe(`value ${REDACTED} end`);
  });

  it('hides the longest match whole when one secret contains another', () => {
    const redactor = createRedactor(['abcdef', 'abcdefghij']);
    expect(redactor.redactText('xabcdefghijx')).toBe(`x${REDACTED}x`);
  });
});

describe('redact (deep)', () => {
  it('walks nested objects and arrays, hiding string values under secret-like keys', () => {
    const redactor = createRedactor([API_KEY]);
    const input = {
      provider: 'openai',
      request: { url: `https://api.example/v1?key=${API_KEY}`, headers: { Authorization: 'Bearer abc123xyz', Accept: 'json' } },
      notes: ['fine', `leaked ${API_KEY}`],
      credentials: { user: 'ann', pass: 'hunter22', nested: ['deep'] },
      usage: { prompt_tokens: 12, total_tokens: 30 },
      hasToken: true,
      at: new Date(0),
    };
    expect(redactor.redact(input)).toEqual({
      provider: 'openai',
      request: { url: `https://api.example/v1?key=${REDACTED}`, headers: { Authorization: REDACTED, Accept: 'json' } },
      notes: ['fine', `leaked ${REDACTED}`],
      credentials: { user: REDACTED, pass: REDACTED, nested: [REDACTED] },
      usage: { prompt_tokens: 12, total_tokens: 30 },
      hasToken: true,
      at: new Date(0),
    });
    expect(input.notes[1]).toContain(API_KEY);
  });

  it('copies Errors with their class, message, stack and own fields redacted', () => {
    const redactor = createRedactor([API_KEY]);
    const error = new AppError('invalid_input', `The key ${API_KEY} was refused`);
    const copy = redactor.redact(error) as AppError;
    expect(copy).toBeInstanceOf(AppError);
    expect(copy.message).toBe(`The key ${REDACTED} was refused`);
    expect(copy.stack).not.toContain(API_KEY);
    expect(copy.stack).toContain(REDACTED);
    expect(copy.toValue()).toEqual({ code: 'invalid_input', message: `The key ${REDACTED} was refused` });

    const http = Object.assign(new Error('Request failed with status code 401'), {
      config: { url: 'https://api.hh.ru/me', headers: { Authorization: 'Bearer USERTOKEN777' } },
      cause: new Error(`token ${API_KEY} expired`),
    });
    const redacted = redactor.redact({ error: http }) as { error: typeof http };
    expect(redacted.error.config.headers.Authorization).toBe(REDACTED);
    expect((redacted.error.cause as Error).message).toBe(`token ${REDACTED} expired`);
    expect(JSON.stringify(redactor.redact({ e: http }))).not.toMatch(/USERTOKEN777|sk-proj/);
  });

  it('survives cycles, depth and binary data', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { secret: 'x' };
    for (let i = 0; i < 20; i += 1) deep = { inner: deep };
    const result = createRedactor().redact({ cyclic, deep, bytes: Buffer.from('token') }) as Record<string, unknown>;
    expect((result.cyclic as Record<string, unknown>).self).toBe('[circular]');
    expect(JSON.stringify(result.deep)).toContain('[too deep]');
    expect(result.bytes).toBe('[5 bytes]');
    const shared = { id: 1 };
    expect(createRedactor().redact({ a: shared, b: shared })).toEqual({ a: { id: 1 }, b: { id: 1 } });
  });

  it('passes primitives through', () => {
    const { redact } = createRedactor();
    expect([redact(1), redact(null), redact(undefined), redact(false)]).toEqual([1, null, undefined, false]);
  });
});

describe('redactingLogger', () => {
  it('redacts every message and details object before it reaches the log', () => {
    const lines: unknown[][] = [];
    const sink: Logger = {
      info: (...args) => lines.push(['info', ...args]),
      warn: (...args) => lines.push(['warn', ...args]),
      error: (...args) => lines.push(['error', ...args]),
    };
    const redactor = createRedactor();
    const log = redactingLogger(sink, redactor);
    redactor.addSecret(API_KEY);
    log.info(`calling with ${API_KEY}`);
    log.warn('token refresh failed', { body: 'refresh_token=USER42&grant_type=refresh_token' });
    log.error('handler failed', { error: new Error(`Bearer ${API_KEY}`) });
    expect(lines[0]).toEqual(['info', `calling with ${REDACTED}`, undefined]);
    expect(lines[1]).toEqual(['warn', 'token refresh failed', { body: `refresh_token=${REDACTED}&grant_type=refresh_token` }]);
    expect((lines[2]![2] as { error: Error }).error.message).toBe(`Bearer ${REDACTED}`);
    expect(JSON.stringify(lines)).not.toContain(API_KEY);
  });
});
