import { describe, expect, it } from 'vitest';
import { HH_SPEC_PATH, loadHhSpec, validateRequest, type RequestToValidate } from '../../support/openapi/validator';

const spec = loadHhSpec();
const API = 'http://127.0.0.1:5000';
const UA = { 'HH-User-Agent': 'AIAutoApplier/1.0 (dev@example.com)' };
const FORM = { ...UA, 'Content-Type': 'application/x-www-form-urlencoded' };

const check = (method: string, path: string, headers: RequestToValidate['headers'] = UA, body?: RequestToValidate['body']) =>
  validateRequest(spec, { method, url: `${API}${path}`, headers, body });

/** A body exactly as fetch() would send it (undici's own multipart encoder). */
async function encoded(body: FormData | URLSearchParams): Promise<{ body: Buffer; contentType: string }> {
  const request = new Request(`${API}/x`, { method: 'POST', body });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

async function multipart(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return encoded(form);
}

describe('loadHhSpec', () => {
  it('reads docs/hh/openapi.yml once per process and keeps it', () => {
    expect(HH_SPEC_PATH).toMatch(/docs[/\\]hh[/\\]openapi\.yml$/);
    expect(spec.doc.openapi).toBe('3.0.3');
    expect(Object.keys(spec.doc.paths).length).toBeGreaterThan(100);
    expect(loadHhSpec()).toBe(spec);
    // Reported, not asserted: how long parsing takes says more about the machine's load than the code.
    console.log(`[hh spec] loaded in ${spec.load.ms} ms from ${spec.load.source}`);
  });

  it('matches literal path segments before {parameters}', () => {
    expect(spec.matchPaths('/resumes/mine')[0]!.template).toBe('/resumes/mine');
    expect(spec.matchPaths('/negotiations/123/messages').map((m) => m.template)).toEqual([
      '/negotiations/{nid}/messages',
      '/negotiations/{collection_name}/{nid}',
    ]);
    expect(spec.matchPaths('/resumes/abc/similar_vacancies')[0]!.pathParams).toEqual({ resume_id: 'abc' });
  });
});

describe('validateRequest: what the spec allows', () => {
  it('accepts a vacancy search with repeated area, typed values and the documented filters', () => {
    expect(
      check(
        'GET',
        '/vacancies?text=React&area=1&area=2&per_page=100&page=3&only_with_salary=true&date_from=2026-03-01&order_by=publication_time&host=hh.ru',
      ),
    ).toEqual([]);
    expect(check('GET', '/vacancies?employer_id=1455&employer_id=1740&experience=between1And3&schedule=remote')).toEqual([]);
  });

  it('accepts User-Agent alone, and a Headers object', () => {
    expect(check('GET', '/vacancies/123', { 'User-Agent': 'AIAutoApplier/1.0 (dev@example.com)' })).toEqual([]);
    expect(check('GET', '/vacancies/123', new Headers(UA))).toEqual([]);
  });

  it('accepts the three token requests at POST /token, and DELETE /oauth/token', () => {
    const code =
      'grant_type=authorization_code&client_id=ID&client_secret=SECRET&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fhh%2Fcallback&code=C0DE';
    expect(check('POST', '/token', FORM, code)).toEqual([]);
    expect(check('POST', '/token', FORM, 'grant_type=refresh_token&refresh_token=R')).toEqual([]);
    expect(
      check(
        'POST',
        '/token',
        { ...FORM, 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
        'grant_type=client_credentials&client_id=ID&client_secret=S',
      ),
    ).toEqual([]);
    expect(check('DELETE', '/oauth/token', { ...UA, Authorization: 'Bearer X' })).toEqual([]);
  });

  it('accepts applying with multipart/form-data as fetch encodes it', async () => {
    const { body, contentType } = await multipart({ vacancy_id: '120000001', resume_id: 'abc', message: 'Здравствуйте!\r\nХочу к вам.' });
    expect(check('POST', '/negotiations', { ...UA, 'Content-Type': contentType }, body)).toEqual([]);
  });

  it('accepts the other calls the app makes', async () => {
    const { body, contentType } = await encoded(new URLSearchParams({ message: 'Спасибо!' }));
    expect(check('POST', '/negotiations/5000001/messages', { ...UA, 'Content-Type': contentType }, body)).toEqual([]);
    expect(check('GET', '/negotiations?page=0&per_page=50&status=active&has_updates=true&order_by=updated_at')).toEqual([]);
    expect(check('GET', '/negotiations/5000001/messages?with_text_only=true')).toEqual([]);
    expect(check('POST', '/resumes/abc/publish')).toEqual([]);
    expect(check('PUT', '/vacancies/blacklisted/123')).toEqual([]);
    expect(check('PUT', '/employers/blacklisted/1455')).toEqual([]);
    expect(check('GET', '/resumes/abc/similar_vacancies?area=1&excluded_employer_id=2&excluded_employer_id=3')).toEqual([]);
    expect(check('GET', '/me')).toEqual([]);
    expect(check('GET', '/resumes/mine')).toEqual([]);
    expect(check('GET', '/dictionaries?locale=EN')).toEqual([]);
    expect(check('GET', '/areas')).toEqual([]);
  });

  it('strips a base path when asked', () => {
    const problems = validateRequest(
      spec,
      { method: 'GET', url: 'http://127.0.0.1:5000/hh-api/vacancies?area=1', headers: UA },
      { basePath: '/hh-api' },
    );
    expect(problems).toEqual([]);
  });
});

describe('validateRequest: what the spec does not allow', () => {
  it('an unknown path and a wrong method', () => {
    expect(check('GET', '/vacancy/123')).toEqual([expect.stringContaining('unknown path /vacancy/123')]);
    expect(check('POST', '/vacancies/123')).toEqual([
      expect.stringMatching(/method POST is not allowed for \/vacancies\/\{vacancy_id\} \(the spec has GET, PUT\)/),
    ]);
    expect(check('GET', '/token')).toEqual([expect.stringContaining('method GET is not allowed for /token')]);
  });

  it('unknown, mistyped, out-of-range and wrongly repeated query parameters', () => {
    const problems = check(
      'GET',
      '/vacancies?per_page=101&only_with_salary=yes&host=example.com&area=1&professional_role=96&professional_role=124&foo=1',
    );
    expect(problems).toEqual([
      expect.stringContaining('query parameter per_page: 101 is above the maximum 100'),
      expect.stringContaining('query parameter only_with_salary: "yes" is not a boolean'),
      expect.stringContaining('query parameter host: "example.com" is not one of'),
      expect.stringContaining('query parameter professional_role: given 2 times'),
      expect.stringContaining('query: unknown parameter "foo" for GET /vacancies'),
    ]);
    expect(check('GET', '/vacancies?page=first')).toEqual([expect.stringContaining('"first" is not a number')]);
  });

  it('a JSON body where multipart/form-data is required', () => {
    const problems = check(
      'POST',
      '/negotiations',
      { ...UA, 'Content-Type': 'application/json' },
      JSON.stringify({ vacancy_id: '1', resume_id: '2' }),
    );
    expect(problems).toEqual([
      'body: media type application/json is not allowed for POST /negotiations; the spec allows multipart/form-data',
    ]);
  });

  it('missing required and unknown body fields', async () => {
    const noResume = await multipart({ vacancy_id: '1', message: 'hi' });
    expect(check('POST', '/negotiations', { ...UA, 'Content-Type': noResume.contentType }, noResume.body)).toEqual([
      'body: missing required field "resume_id"',
    ]);
    const extra = await multipart({ vacancy_id: '1', resume_id: '2', letter: 'hi' });
    expect(check('POST', '/negotiations', { ...UA, 'Content-Type': extra.contentType }, extra.body)).toEqual([
      expect.stringContaining('body: unknown field "letter"'),
    ]);
    expect(check('POST', '/negotiations', UA)).toEqual(['body: POST /negotiations requires a body (multipart/form-data)']);
  });

  it('token requests that match none of AuthCode, AuthRefreshToken, AuthClientCredentials', () => {
    const noRedirect = check('POST', '/token', FORM, 'grant_type=authorization_code&client_id=ID&client_secret=S&code=C');
    expect(noRedirect[0]).toMatch(
      /matches none of the 3 shapes the spec allows \(AuthCode, AuthRefreshToken, AuthClientCredentials\); the closest is AuthCode/,
    );
    expect(noRedirect).toContain('body: missing required field "redirect_uri"');
    const password = check('POST', '/token', FORM, 'grant_type=password&username=u&password=p');
    expect(password.join('\n')).toMatch(/body.grant_type: "password" is not one of/);
    expect(check('POST', '/token', FORM, 'grant_type=refresh_token&refresh_token=R&client_id=ID').join('\n')).toMatch(
      /unknown field "client_id"/,
    );
    expect(
      check('POST', '/token', { ...UA, 'Content-Type': 'application/json' }, '{"grant_type":"refresh_token","refresh_token":"R"}'),
    ).toEqual([expect.stringContaining('media type application/json is not allowed for POST /token')]);
  });

  it('the deprecated token address', () => {
    expect(check('POST', '/oauth/token', FORM, 'grant_type=refresh_token&refresh_token=R')).toEqual([
      expect.stringContaining('deprecated token address'),
    ]);
  });

  it('a missing or malformed user agent', () => {
    expect(check('GET', '/vacancies', {})).toEqual([expect.stringContaining('neither HH-User-Agent nor User-Agent is set')]);
    expect(check('GET', '/vacancies', { 'User-Agent': 'node' })).toEqual([
      expect.stringContaining('User-Agent "node" is not shaped like "Name/Version (contact@email)"'),
    ]);
    expect(
      check('GET', '/vacancies', { 'HH-User-Agent': 'AIAutoApplier/1.0', 'User-Agent': 'AIAutoApplier/1.0 (dev@example.com)' }),
    ).toEqual([expect.stringContaining('HH-User-Agent "AIAutoApplier/1.0" is not shaped like')]);
  });

  it('a body where none is taken, and bodies that cannot be read', () => {
    expect(check('GET', '/me', { ...UA, 'Content-Type': 'application/json' }, '{}')).toEqual([
      'body: GET /me takes no request body, but 2 bytes were sent',
    ]);
    const broken = '--XX\r\nContent-Disposition: form-data; name="vacancy_id"\r\n\r\n1\r\n';
    expect(check('POST', '/negotiations', { ...UA, 'Content-Type': 'multipart/form-data; boundary=XX' }, broken)).toEqual([
      'body: the multipart body has no closing boundary --XX--',
    ]);
    expect(check('POST', '/negotiations', { ...UA, 'Content-Type': 'multipart/form-data' }, 'x')).toEqual([
      expect.stringContaining('without a boundary'),
    ]);
  });
});
