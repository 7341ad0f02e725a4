/**
 * Checks an HTTP request (and, for the fake's own tests, a response body) against hh.ru's OpenAPI spec.
 *
 *   const spec = loadHhSpec();
 *   validateRequest(spec, { method: 'GET', url: 'http://127.0.0.1:5000/vacancies?area=1&area=2', headers, body })
 *   // -> [] when the spec allows the request, else one readable problem per finding
 *
 * What is checked:
 * - the path matches a path template and the method exists for it;
 * - path parameters, query parameters (path-level and operation-level, `$ref`s resolved): known names,
 *   types, enums, maximum; required ones present; a repeated parameter only where the schema is an
 *   array or the description says several values may be given ("Можно указать несколько значений":
 *   the spec never types a repeatable query parameter as an array);
 * - the body: none where the operation takes none; its media type one of the requestBody's; its
 *   fields (urlencoded, multipart or JSON) known properties of the schema, required ones present,
 *   types and enums respected (see schema.ts for how allOf/oneOf/anyOf are read);
 * - `HH-User-Agent`, or else `User-Agent`, present and shaped like `Name/Version (contact@email)`. The
 *   spec's info section says the two are interchangeable and HH-User-Agent wins when both are sent.
 *
 * The token endpoint: the spec describes it as `POST /oauth/token` (operationId `authorize`) with an
 * operation-level server `https://hh.ru`, and its info section says the current address is
 * `POST https://api.hh.ru/token`, `POST https://hh.ru/oauth/token` being deprecated. So `POST /token` is
 * checked against that operation (a oneOf of AuthCode, AuthRefreshToken, AuthClientCredentials, each with
 * additionalProperties: false), and `POST /oauth/token` is reported as the deprecated address.
 * `DELETE /oauth/token` (invalidate-token) is an ordinary path of the spec.
 *
 * Deliberately not reported: deprecated operations and parameters (hh.ru still accepts them, and the
 * negotiation-messages methods the app uses are deprecated in favour of chats); unknown headers.
 */
import { parseBody, type ParsedBody } from './body';
import { FormFields, checkTextValues, checkValue } from './schema';
import type { HhSpec, OperationMatch, ParameterObject, RequestBodyObject, ResponseObject } from './spec';

export { loadHhSpec, HH_SPEC_PATH, type HhSpec } from './spec';

export type HeaderBag = Record<string, string | string[] | undefined> | Headers;

export interface RequestToValidate {
  method: string;
  /** The full URL; only its path (minus `basePath`) and query are read. */
  url: string;
  headers: HeaderBag;
  body?: Buffer | Uint8Array | string | null;
}

export interface ValidateOptions {
  /** A path prefix of the API base URL to strip first (e.g. `/api` for `http://127.0.0.1:5000/api`). */
  basePath?: string;
}

export interface RequestCheck {
  /** `METHOD /template`, e.g. `GET /vacancies/{vacancy_id}` or `POST /token`; null when no operation matched. */
  route: string | null;
  match?: OperationMatch;
  problems: string[];
  body: ParsedBody;
}

/** The current token address; the spec documents the same operation under its deprecated one. */
export const TOKEN_PATH = '/token';
export const DEPRECATED_TOKEN_PATH = '/oauth/token';

/** Product/version plus a contact e-mail in parentheses, as in the spec's `MyApp/1.0 (my-app-feedback@example.com)`. */
export const USER_AGENT_SHAPE = /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.+-]* \([^\s()@]+@[^\s()@]+\.[^\s()@]+\)$/;

export function headerValue(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value.join(', ') : value;
  }
  return undefined;
}

/** Problems with the user-agent headers (empty when fine). */
export function checkUserAgent(headers: HeaderBag): string[] {
  const hhAgent = headerValue(headers, 'hh-user-agent');
  const agent = hhAgent ?? headerValue(headers, 'user-agent');
  const name = hhAgent !== undefined ? 'HH-User-Agent' : 'User-Agent';
  if (!agent?.trim()) return ['header: neither HH-User-Agent nor User-Agent is set (hh.ru answers 400 bad_user_agent/unset)'];
  if (!USER_AGENT_SHAPE.test(agent.trim()))
    return [`header: ${name} ${JSON.stringify(agent)} is not shaped like "Name/Version (contact@email)"`];
  return [];
}

function pathOf(url: URL, options: ValidateOptions): string {
  const base = options.basePath?.replace(/\/+$/, '');
  if (base && (url.pathname === base || url.pathname.startsWith(`${base}/`))) return url.pathname.slice(base.length) || '/';
  return url.pathname;
}

/** Finds the operation, with `/token` mapped onto the spec's token operation. */
export function findRoute(
  spec: HhSpec,
  method: string,
  path: string,
): { route: string; match: OperationMatch } | { route: null; problem: string } {
  const upper = method.toUpperCase();
  if (path === TOKEN_PATH) {
    if (upper !== 'POST')
      return { route: null, problem: `method ${upper} is not allowed for ${TOKEN_PATH} (hh.ru's token address takes POST only)` };
    const match = spec.findOperation('post', DEPRECATED_TOKEN_PATH);
    if ('problem' in match) throw new Error(`hh spec: the token operation is missing (${match.problem})`);
    return { route: `POST ${TOKEN_PATH}`, match: { ...match, template: TOKEN_PATH } };
  }
  const match = spec.findOperation(upper, path);
  if ('problem' in match) return { route: null, problem: match.problem };
  return { route: `${upper} ${match.template}`, match };
}

function toBuffer(body: RequestToValidate['body']): Buffer {
  if (!body) return Buffer.alloc(0);
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
}

/** The full check: the matched route, the parsed body and every problem. */
export function checkRequest(spec: HhSpec, req: RequestToValidate, options: ValidateOptions = {}): RequestCheck {
  const url = new URL(req.url);
  const path = pathOf(url, options);
  const raw = toBuffer(req.body);
  const contentType = headerValue(req.headers, 'content-type');
  const body = parseBody(contentType, raw);
  const problems = checkUserAgent(req.headers);

  const found = findRoute(spec, req.method, path);
  if (found.route === null) return { route: null, problems: [...problems, found.problem], body };
  const { route, match } = found;
  if (route === `POST ${DEPRECATED_TOKEN_PATH}`) {
    problems.push(
      `${route} is the deprecated token address (the spec's info: «старый запрос POST https://hh.ru/oauth/token считается устаревшим»); send POST {api}/token`,
    );
  }

  problems.push(...checkParameters(spec, match, url, req.headers));
  problems.push(...checkBody(spec, match, route, raw, body));
  return { route, match, problems, body };
}

/** The problems of `req` against the spec; empty when the spec allows it. */
export function validateRequest(spec: HhSpec, req: RequestToValidate, options: ValidateOptions = {}): string[] {
  return checkRequest(spec, req, options).problems;
}

function checkParameters(spec: HhSpec, match: OperationMatch, url: URL, headers: HeaderBag): string[] {
  const problems: string[] = [];
  const byIn = (where: ParameterObject['in']) => match.parameters.filter((p) => p.in === where);

  for (const param of byIn('path')) {
    const value = match.pathParams[param.name];
    if (value === undefined) problems.push(`path: the template has no {${param.name}}`);
    else problems.push(...checkTextValues(spec, param.schema, [value], `path parameter ${param.name}`, param.description));
  }

  const query = byIn('query');
  const known = new Map(query.map((p) => [p.name, p]));
  const names = new Set(url.searchParams.keys());
  for (const name of names) {
    const param = known.get(name);
    if (!param) {
      problems.push(
        `query: unknown parameter "${name}" for ${match.method.toUpperCase()} ${match.template} (the spec knows ${[...known.keys()].join(', ') || 'none'})`,
      );
      continue;
    }
    problems.push(...checkTextValues(spec, param.schema, url.searchParams.getAll(name), `query parameter ${name}`, param.description));
  }
  for (const param of query)
    if (param.required && !names.has(param.name)) problems.push(`query: missing required parameter "${param.name}"`);

  for (const param of byIn('header')) {
    const lower = param.name.toLowerCase();
    if (lower === 'hh-user-agent' || lower === 'user-agent') continue; // checkUserAgent: either header will do
    if (param.required && headerValue(headers, param.name) === undefined) problems.push(`header: missing required header ${param.name}`);
  }
  return problems;
}

function checkBody(spec: HhSpec, match: OperationMatch, route: string, raw: Buffer, body: ParsedBody): string[] {
  const requestBody = match.operation.requestBody ? spec.resolve<RequestBodyObject>(match.operation.requestBody) : undefined;
  if (!requestBody) return raw.length > 0 ? [`body: ${route} takes no request body, but ${raw.length} bytes were sent`] : [];
  const allowed = Object.keys(requestBody.content);
  if (raw.length === 0) return requestBody.required ? [`body: ${route} requires a body (${allowed.join(' or ')})`] : [];
  if (!body.mediaType) return [`body: ${raw.length} bytes without a Content-Type (the spec allows ${allowed.join(', ')})`];
  const media = requestBody.content[body.mediaType];
  if (!media) return [`body: media type ${body.mediaType} is not allowed for ${route}; the spec allows ${allowed.join(', ')}`];
  if (body.error) return [`body: ${body.error}`];
  if (body.mediaType === 'application/json') return checkValue(spec, media.schema, body.json, 'body', 'json');
  if (body.mediaType === 'application/x-www-form-urlencoded' || body.mediaType === 'multipart/form-data') {
    const files = new Map([...body.files].map(([name, parts]) => [name, parts.length]));
    return checkValue(spec, media.schema, new FormFields(body.fields, files), 'body', 'text');
  }
  return [];
}

export interface ResponseToValidate {
  method: string;
  url: string;
  status: number;
  contentType?: string;
  /** The parsed JSON body, or undefined for an empty one. */
  body: unknown;
}

/** Checks a JSON response body against the operation's response schema (used by the fake's own tests). */
export function validateResponse(spec: HhSpec, res: ResponseToValidate, options: ValidateOptions = {}): string[] {
  const found = findRoute(spec, res.method, pathOf(new URL(res.url), options));
  if (found.route === null) return [found.problem];
  const responses = found.match.operation.responses ?? {};
  const declared = responses[String(res.status)] ?? responses.default;
  if (!declared)
    return [`response: ${found.route} does not declare status ${res.status} (it declares ${Object.keys(responses).join(', ')})`];
  const response = spec.resolve<ResponseObject>(declared);
  if (res.body === undefined) return [];
  const media = response.content?.['application/json'];
  if (!media)
    return [`response: ${found.route} ${res.status} declares no JSON body (${Object.keys(response.content ?? {}).join(', ') || 'none'})`];
  return checkValue(spec, media.schema, res.body, 'response', 'json');
}
