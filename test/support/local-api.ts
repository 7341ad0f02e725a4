import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '../../main/core/local-api/openapi';
import { startHeadlessServer } from '../../main/headless/server';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

/**
 * Checks real answers of the Local API against its own OpenAPI document: the status must be one the
 * operation documents, and the body must fit that response's schema (JSON Schema 2020-12, ajv).
 */
export function responseChecker(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: doc.components } as object);
  const paths = doc.paths as Record<
    string,
    Record<string, { responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }> }>
  >;

  return (pathTemplate: string, method: string, status: number, body: unknown): string[] => {
    const operation = paths[pathTemplate]?.[method];
    if (!operation) return [`${method.toUpperCase()} ${pathTemplate} is not in the document`];
    let response = operation.responses[String(status)];
    if (!response) return [`${method.toUpperCase()} ${pathTemplate} does not document status ${status}`];
    if (response.$ref) response = (doc.components.responses as Record<string, typeof response>)[response.$ref.split('/').pop()!]!;
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return body === undefined || body === '' ? [] : [`status ${status} documents no body, but one came`];
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')) as object);
    return validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  };
}

/** A headless server around `core` with the Local API on, and a read and a write token made through the window's bridge. */
export async function startLocalApi(
  core: Parameters<typeof startHeadlessServer>[0]['core'],
  options: Omit<Parameters<typeof startHeadlessServer>[0], 'core'> = {},
) {
  const server = await startHeadlessServer({ core, ...options });
  const doc = JSON.parse(await (await fetch(`${server.url}/openapi.json`)).text()) as OpenApiDocument;
  const bridge = async <T>(channel: string, input: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/api/invoke/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    const result = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  await bridge('localApi.setEnabled', { enabled: true });
  const read = await bridge<{ token: string; info: { id: string } }>('localApi.createToken', { name: 'dashboard', scope: 'read' });
  const write = await bridge<{ token: string; info: { id: string } }>('localApi.createToken', { name: 'cron', scope: 'write' });
  const check = responseChecker(doc);

  /** One REST call; `problems` are where the answer departs from the document (none expected). */
  const call = async (
    method: string,
    path: string,
    init: { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string>; template?: string } = {},
  ) => {
    const token = init.token === undefined ? write.token : init.token;
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method: method.toUpperCase(),
      headers: {
        ...(token && { Authorization: `Bearer ${token}` }),
        ...((init.body !== undefined || init.rawBody !== undefined) && { 'Content-Type': 'application/json' }),
        ...init.headers,
      },
      ...((init.body !== undefined || init.rawBody !== undefined) && { body: init.rawBody ?? JSON.stringify(init.body) }),
    });
    const text = await res.text();
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    const template = `/api/v1${init.template ?? path.split('?')[0]}`;
    return {
      status: res.status,
      headers: res.headers,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are read freely in assertions; `problems` checks them against the document
      body: body as any,
      problems: check(template, method.toLowerCase(), res.status, body),
    };
  };
  return { server, doc, bridge, call, read, write, close: () => server.close() };
}
