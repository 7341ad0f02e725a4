/**
 * hh.ru's OpenAPI 3.0.3 document (docs/hh/openapi.yml, 1.5 MB, copied into the repo), loaded once per test process.
 *
 * Parsing the YAML takes about 120-150 ms; the parsed document is therefore also kept as JSON in
 * node_modules/.cache/hh-openapi/<sha256 of the YAML>.json (git-ignored, rebuilt whenever the YAML
 * changes), which loads in about 20 ms. Within one process the result is kept on globalThis, so test
 * files sharing a worker parse nothing at all.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
export const HH_SPEC_PATH = join(repoRoot, 'docs', 'hh', 'openapi.yml');
const CACHE_DIR = join(repoRoot, 'node_modules', '.cache', 'hh-openapi');
/** Bump when the cached form changes. */
const CACHE_VERSION = 1;

export interface Ref {
  $ref: string;
}

export interface SchemaObject {
  $ref?: string;
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: boolean | SchemaObject;
  items?: SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  enum?: unknown[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  deprecated?: boolean;
  example?: unknown;
  default?: unknown;
}

export interface ParameterObject {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required?: boolean;
  deprecated?: boolean;
  description?: string;
  schema?: SchemaObject;
  style?: string;
  explode?: boolean;
}

export interface MediaTypeObject {
  schema?: SchemaObject;
  example?: unknown;
  examples?: Record<string, { value?: unknown; $ref?: string }>;
}

export interface RequestBodyObject {
  required?: boolean;
  description?: string;
  content: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, unknown>;
}

export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  parameters?: (ParameterObject | Ref)[];
  requestBody?: RequestBodyObject | Ref;
  responses?: Record<string, ResponseObject | Ref>;
  servers?: { url: string }[];
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>> & { parameters?: (ParameterObject | Ref)[] };

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  paths: Record<string, PathItemObject>;
  components: {
    schemas: Record<string, SchemaObject>;
    parameters: Record<string, ParameterObject>;
    responses: Record<string, ResponseObject>;
    examples: Record<string, { value?: unknown }>;
    securitySchemes?: Record<string, unknown>;
  };
}

interface CompiledPath {
  template: string;
  /** null = a {parameter} segment. */
  segments: (string | null)[];
  names: string[];
}

export interface OperationMatch {
  /** The spec's path template, e.g. `/vacancies/{vacancy_id}`. */
  template: string;
  method: HttpMethod;
  operation: OperationObject;
  pathItem: PathItemObject;
  pathParams: Record<string, string>;
  /** Path-level and operation-level parameters, `$ref`s resolved (operation-level wins on name+in). */
  parameters: ParameterObject[];
}

export interface PathMatch {
  template: string;
  pathItem: PathItemObject;
  pathParams: Record<string, string>;
}

export interface HhSpec {
  readonly doc: OpenApiDocument;
  /** How long loading took in this process, and whether the JSON cache was used. */
  readonly load: { ms: number; source: 'yaml' | 'json-cache' };
  /** Follows `$ref`s (local `#/...` only) until a non-reference object. */
  resolve<T>(value: T | Ref): T;
  /** The `$ref` target's last segment (e.g. `AuthCode`), or undefined. */
  refName(value: unknown): string | undefined;
  /** A deep copy of components.examples[name].value; throws when the spec has no such example. */
  example<T = unknown>(name: string): T;
  /** Every path template matching `path`, most specific first (literal segments beat {parameters}, left to right). */
  matchPaths(path: string): PathMatch[];
  /** The operation for `method path`, or why there is none. */
  findOperation(method: string, path: string): OperationMatch | { problem: string };
}

function readDocument(): { doc: OpenApiDocument; source: 'yaml' | 'json-cache' } {
  const yamlText = readFileSync(HH_SPEC_PATH, 'utf8');
  const hash = createHash('sha256').update(yamlText).update(`v${CACHE_VERSION}`).digest('hex').slice(0, 32);
  const cacheFile = join(CACHE_DIR, `${hash}.json`);
  try {
    return { doc: JSON.parse(readFileSync(cacheFile, 'utf8')) as OpenApiDocument, source: 'json-cache' };
  } catch {
    // No cache yet (or a damaged one): parse the YAML and write the cache for the next process.
  }
  const doc = load(yamlText) as OpenApiDocument;
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Parallel test workers may race here: each writes its own temp file and renames it atomically.
    const tmp = `${cacheFile}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, JSON.stringify(doc));
    renameSync(tmp, cacheFile);
  } catch {
    // A read-only checkout still works, only slower.
  }
  return { doc, source: 'yaml' };
}

function compilePaths(doc: OpenApiDocument): CompiledPath[] {
  return Object.keys(doc.paths).map((template) => {
    const names: string[] = [];
    const segments = template
      .split('/')
      .slice(1)
      .map((segment) => {
        const param = /^\{([^}]+)\}$/.exec(segment);
        if (param) {
          names.push(param[1]!);
          return null;
        }
        return segment;
      });
    return { template, segments, names };
  });
}

function createSpec(doc: OpenApiDocument, loadInfo: HhSpec['load']): HhSpec {
  const compiled = compilePaths(doc);

  const lookup = (ref: string): unknown => {
    if (!ref.startsWith('#/')) throw new Error(`hh spec: only local $refs are supported, got ${ref}`);
    let node: unknown = doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = (node as Record<string, unknown> | undefined)?.[key];
      if (node === undefined) throw new Error(`hh spec: unresolvable $ref ${ref}`);
    }
    return node;
  };

  const resolveRef = <T>(value: T | Ref): T => {
    let current: unknown = value;
    for (let depth = 0; current && typeof current === 'object' && '$ref' in current; depth += 1) {
      if (depth > 32) throw new Error('hh spec: $ref cycle');
      current = lookup((current as Ref).$ref);
    }
    return current as T;
  };

  const matchPaths = (path: string): PathMatch[] => {
    const parts = path.split('/').slice(1);
    const found: { c: CompiledPath; values: string[] }[] = [];
    for (const c of compiled) {
      if (c.segments.length !== parts.length) continue;
      const values: string[] = [];
      let ok = true;
      for (let i = 0; i < parts.length; i += 1) {
        const segment = c.segments[i];
        const part = parts[i]!;
        if (segment === null) {
          if (part === '') ok = false;
          else values.push(safeDecode(part));
        } else if (segment !== part) ok = false;
        if (!ok) break;
      }
      if (ok) found.push({ c, values });
    }
    const rank = (c: CompiledPath) => c.segments.map((s) => (s === null ? '1' : '0')).join('');
    found.sort((a, b) => rank(a.c).localeCompare(rank(b.c)));
    return found.map(({ c, values }) => ({
      template: c.template,
      pathItem: doc.paths[c.template]!,
      pathParams: Object.fromEntries(c.names.map((name, i) => [name, values[i]!])),
    }));
  };

  const parametersOf = (pathItem: PathItemObject, operation: OperationObject): ParameterObject[] => {
    const byKey = new Map<string, ParameterObject>();
    for (const p of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
      const param = resolveRef<ParameterObject>(p);
      byKey.set(`${param.in}:${param.name.toLowerCase()}`, param);
    }
    return [...byKey.values()];
  };

  return {
    doc,
    load: loadInfo,
    resolve: resolveRef,
    refName: (value) =>
      value && typeof value === 'object' && typeof (value as Ref).$ref === 'string' ? (value as Ref).$ref.split('/').pop() : undefined,
    example<T>(name: string): T {
      const example = doc.components.examples[name];
      if (!example || example.value === undefined) throw new Error(`hh spec: no example named ${name}`);
      return structuredClone(example.value) as T;
    },
    matchPaths,
    findOperation(methodIn, path) {
      const method = methodIn.toLowerCase() as HttpMethod;
      const matches = matchPaths(path);
      if (matches.length === 0) return { problem: `unknown path ${path}: no path template of the spec matches it` };
      for (const match of matches) {
        const operation = match.pathItem[method];
        if (operation && typeof operation === 'object') {
          return { ...match, method, operation, parameters: parametersOf(match.pathItem, operation) };
        }
      }
      const allowed = HTTP_METHODS.filter((m) => matches[0]!.pathItem[m]).map((m) => m.toUpperCase());
      return {
        problem: `method ${methodIn.toUpperCase()} is not allowed for ${matches[0]!.template} (the spec has ${allowed.join(', ') || 'none'})`,
      };
    },
  };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

const GLOBAL_KEY = Symbol.for('ai-auto-applier.test.hh-openapi');
type GlobalCache = { [GLOBAL_KEY]?: HhSpec };

/** The parsed spec: loaded at most once per process (see the file comment for the caches). */
export function loadHhSpec(): HhSpec {
  const cache = globalThis as GlobalCache;
  const cached = cache[GLOBAL_KEY];
  if (cached) return cached;
  const started = performance.now();
  const { doc, source } = readDocument();
  const spec = createSpec(doc, { ms: Math.round(performance.now() - started), source });
  cache[GLOBAL_KEY] = spec;
  return spec;
}
