import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '../../main/core/local-api/openapi';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

/**
 * Checks real answers of the Local API against its own OpenAPI document: the status must be one the
 * operation documents, and the body must fit that response's schema (JSON Schema 2020-12, ajv).
 */
export function responseChecker(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: doc.components } as object);
  const refTo = (pointer: string) => ({ $ref: `openapi.json#${pointer}` });
  const paths = doc.paths as Record<string, Record<string, { responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }> }>>;

  return (pathTemplate: string, method: string, status: number, body: unknown): string[] => {
    const operation = paths[pathTemplate]?.[method];
    if (!operation) return [`${method.toUpperCase()} ${pathTemplate} is not in the document`];
    let response = operation.responses[String(status)];
    if (!response) return [`${method.toUpperCase()} ${pathTemplate} does not document status ${status}`];
    if (response.$ref) response = (doc.components.responses as Record<string, typeof response>)[response.$ref.split('/').pop()!]!;
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return body === undefined || body === '' ? [] : [`status ${status} documents no body, but one came`];
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')) as object);
    void refTo;
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  };
}
