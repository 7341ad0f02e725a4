import { z } from 'zod';
import { appErrorSchema, channels, hhAccountStatusSchema } from '../../../shared/contract';
import { errorStatuses } from './http-status';
import { API_PREFIX, isChannelRoute, routes, scopeOf, tags, type Route } from './routes';
import { LOG_LOCATION } from '../support/log-files';

export type JsonSchema = Record<string, unknown>;

/** Where each input field of a route comes from. */
export interface RouteShape {
  route: Route;
  /** `{name}` segments of the path, in order. */
  pathParams: string[];
  pathSchemas: Record<string, JsonSchema>;
  /** GET and DELETE: the remaining input fields, read from the query string. */
  query: Record<string, { schema: JsonSchema; required: boolean }>;
  /** The rest: none, an object of the remaining fields, one field (`bodyKey`), or the whole input. */
  body:
    | { kind: 'none' }
    | { kind: 'object' | 'whole'; schema: JsonSchema; required: boolean }
    | { kind: 'key'; key: string; schema: JsonSchema };
  success: JsonSchema | undefined;
}

export const HH_CALLBACK_PATH = `${API_PREFIX}/hh/callback`;

/** Every `#/$defs/x` in a generated schema becomes a component, so the document has one place for each. */
function hoist(schema: JsonSchema, prefix: string, components: Record<string, JsonSchema>): JsonSchema {
  const { $defs, $schema: _dialect, ...rest } = schema as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const rename = (name: string) => `${prefix}.${name.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')
          ? `#/components/schemas/${rename(value.slice(8))}`
          : rewrite(value),
      ]),
    );
  };
  for (const [name, def] of Object.entries($defs ?? {})) components[rename(name)] = rewrite(def) as JsonSchema;
  return rewrite(rest) as JsonSchema;
}

const toJson = (schema: z.ZodType, io: 'input' | 'output', prefix: string, components: Record<string, JsonSchema>) =>
  hoist(
    z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', cycles: 'ref', reused: 'inline' }) as JsonSchema,
    prefix,
    components,
  );

const inputOf = (route: Route) => (isChannelRoute(route) ? channels[route.channel].input : route.input);
const outputOf = (route: Route) => (isChannelRoute(route) ? channels[route.channel].output : route.output);
const nameOf = (route: Route) => (isChannelRoute(route) ? route.channel : route.operation);

export function shapeOf(route: Route, components: Record<string, JsonSchema> = {}): RouteShape {
  const name = nameOf(route);
  const input = toJson(inputOf(route), 'input', `${name}.input`, components);
  const success = route.status === 204 ? undefined : toJson(outputOf(route), 'output', `${name}.output`, components);
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const properties = (input.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((input.required ?? []) as string[]);
  const fixed = isChannelRoute(route) ? Object.keys(route.fixed ?? {}) : [];
  const rest = Object.keys(properties).filter((key) => !pathParams.includes(key) && !fixed.includes(key));

  const pathSchemas = Object.fromEntries(pathParams.map((key) => [key, properties[key] ?? { type: 'string' }]));
  const common = { route, pathParams, pathSchemas, success };
  if (!isChannelRoute(route)) return { ...common, query: {}, body: { kind: 'whole', schema: input, required: true } };
  if (route.method === 'get' || route.method === 'delete') {
    return {
      ...common,
      query: Object.fromEntries(rest.map((key) => [key, { schema: properties[key]!, required: required.has(key) }])),
      body: { kind: 'none' },
    };
  }
  if (route.bodyKey) return { ...common, query: {}, body: { kind: 'key', key: route.bodyKey, schema: properties[route.bodyKey]! } };
  if (!rest.length) return { ...common, query: {}, body: { kind: 'none' } };
  const schema: JsonSchema = {
    ...input,
    properties: Object.fromEntries(rest.map((key) => [key, properties[key]])),
    required: rest.filter((key) => required.has(key)),
  };
  return { ...common, query: {}, body: { kind: 'object', schema, required: rest.some((key) => required.has(key)) } };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input: `error.issues` names each field and what is wrong with it.',
  401: "No token, a token that is not this app's, expired or revoked, or the Local API is off.",
  403: 'A read token on a route that changes something, or a request from a web page of another site.',
  404: 'No such item (or no such address).',
  409: 'The request clashes with the state of things: a letter already sent, hh.ru not signed in, the AI not set up.',
  410: 'The vacancy is closed or removed from hh.ru.',
  413: 'The request body is too large.',
  422: 'Valid, but hh.ru or the AI will not do it for this vacancy, resume or text.',
  429: 'Too many requests from this token, or a daily limit reached: wait for Retry-After seconds.',
  500: `The app failed inside; the details are in its log: ${LOG_LOCATION}.`,
  502: 'hh.ru or the AI answered in a way the app cannot use (a bad key, a changed page).',
  503: 'hh.ru or the AI is unavailable now, or asks to slow down (Retry-After when known).',
  504: 'hh.ru or the AI did not answer in time.',
  507: 'The disk is full: nothing was saved.',
};

const errorResponses = (withBody: boolean, authenticated = true) =>
  Object.fromEntries(
    [...new Set([...errorStatuses, ...(authenticated ? [401, 403, 429] : []), ...(withBody ? [413] : [])])]
      .sort((a, b) => a - b)
      .map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }]),
  );

/**
 * The OpenAPI 3.1 document of the Local API, made from the contract's zod schemas and the route
 * table at run time: nothing here is kept by hand, so it cannot drift from what the server does.
 */
export function buildOpenApi(options: { version: string; serverUrl?: string }) {
  const components: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const shape = shapeOf(route, components);
    const scope = scopeOf(route);
    const parameters = [
      ...shape.pathParams.map((name) => ({ name, in: 'path', required: true, schema: shape.pathSchemas[name] })),
      ...Object.entries(shape.query).map(([name, { schema, required }]) => ({
        name,
        in: 'query',
        required,
        schema,
        ...(schema.type === 'array' && { style: 'form', explode: false }),
      })),
    ];
    const body = shape.body;
    const operation = {
      operationId: `${route.method}${route.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: route.summary,
      description: `${isChannelRoute(route) ? `Contract channel \`${route.channel}\`.` : `Runs ${route.operation}: several contract channels in a row.`} Needs a **${scope}** token.`,
      tags: [tags[route.tag]],
      security: [{ bearerAuth: [scope] }],
      ...(parameters.length && { parameters }),
      ...(body.kind !== 'none' && {
        requestBody: { required: body.kind === 'key' ? true : body.required, content: { 'application/json': { schema: body.schema } } },
      }),
      responses: {
        [String(route.status ?? 200)]: shape.success
          ? { description: 'Done.', content: { 'application/json': { schema: shape.success } } }
          : { description: 'Done; nothing to return.' },
        ...errorResponses(body.kind !== 'none'),
      },
    };
    (paths[`${API_PREFIX}${route.path}`] ??= {})[route.method] = operation;
  }

  paths[HH_CALLBACK_PATH] = {
    get: {
      operationId: 'getHhCallback',
      summary: "hh.ru's sign-in redirect: register this address as your dev.hh.ru application's redirect URI",
      description:
        'Opened by your browser when hh.ru sends it back after you allow access; needs no token (the `state` parameter ties it to the sign-in the app started).',
      tags: [tags.hh],
      security: [],
      parameters: [
        { name: 'code', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'state', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'error', in: 'query', required: false, schema: { type: 'string' } },
      ],
      responses: {
        '200': {
          description: 'Signed in.',
          content: { 'application/json': { schema: toJson(hhAccountStatusSchema, 'output', 'hh.callback.output', components) } },
        },
        ...errorResponses(false, false),
      },
    },
  };

  components.AppError = toJson(appErrorSchema, 'output', 'AppError', components);
  components.ErrorBody = {
    type: 'object',
    description: "Every failure: the contract's error with its code (translate the code; `message` is an English sentence).",
    properties: { ok: { const: false }, error: { $ref: '#/components/schemas/AppError' } },
    required: ['ok', 'error'],
  };
  const allStatuses = [...new Set([...errorStatuses, 401, 403, 413, 429])].sort((a, b) => a - b);
  const responses = Object.fromEntries(
    allStatuses.map((status) => [
      `Error${status}`,
      {
        description: STATUS_TEXT[status] ?? 'Failed.',
        ...(status === 429 || status === 503
          ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } } } }
          : {}),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
      },
    ]),
  );

  return {
    openapi: '3.1.0',
    info: {
      title: 'AI Auto Applier Local API',
      version: options.version,
      description:
        "The app's actions over HTTP for your own scripts, on 127.0.0.1 only. Make a token in Settings → Local API and send it as `Authorization: Bearer <token>`. A **read** token reads; a **write** token also changes things, and every change is written to the activity log with the token's id.",
    },
    ...(options.serverUrl && { servers: [{ url: options.serverUrl }] }),
    tags: Object.values(tags).map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      responses,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A Local API token (scope read or write).' },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApi>;
