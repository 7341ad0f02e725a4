/**
 * A small checker for the part of OpenAPI 3.0 schemas that hh.ru's spec uses (measured over the whole
 * document: type, properties, required, additionalProperties, items, allOf, oneOf, anyOf, enum,
 * nullable, minimum/maximum, minLength, pattern, minItems; plus format, discriminator, example,
 * deprecated, readOnly, which carry no checks here).
 *
 * Two modes: `json` checks parsed JSON values; `text` checks strings from a query string or a form
 * (urlencoded or multipart), coerced by the schema's type ("12" is a number, "true" a boolean).
 *
 * Leniencies, each where the spec itself is vague or loose:
 * - oneOf is checked like anyOf: a value passes when it matches at least one alternative (the spec's
 *   alternatives often overlap, since most have no additionalProperties: false).
 * - An object schema that declares no properties at all accepts any fields; one that declares
 *   properties rejects unknown fields unless it says additionalProperties: true (or gives a schema).
 *   allOf branches are merged first, so a field known to any branch is known.
 * - minimum/maximum count only for number and integer schemas (the spec puts `maximum: 50` on some
 *   string fields, meaning "up to 50 values"); `format` is not checked.
 * - In text mode an `object`-typed field accepts any string (a form cannot carry an object).
 */
import type { HhSpec, SchemaObject } from './spec';

export type ValueMode = 'json' | 'text';

/** Form fields (urlencoded or multipart): every value a string, possibly repeated; file parts by name. */
export class FormFields {
  constructor(
    readonly fields: Map<string, string[]>,
    readonly files: Map<string, number> = new Map(),
  ) {}
}

interface Flat {
  type?: string;
  enum?: unknown[];
  nullable: boolean;
  properties: Map<string, SchemaObject[]>;
  required: Set<string>;
  additional: 'unstated' | 'allow' | 'forbid' | SchemaObject;
  items?: SchemaObject;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  patterns: string[];
  minItems?: number;
  maxItems?: number;
  alternatives: SchemaObject[][];
}

const flatCache = new WeakMap<object, Flat>();

function emptyFlat(): Flat {
  return { nullable: false, properties: new Map(), required: new Set(), additional: 'unstated', patterns: [], alternatives: [] };
}

function mergeInto(target: Flat, source: Flat): Flat {
  target.type ??= source.type;
  target.enum ??= source.enum;
  target.nullable ||= source.nullable;
  for (const [name, schemas] of source.properties) target.properties.set(name, [...(target.properties.get(name) ?? []), ...schemas]);
  for (const name of source.required) target.required.add(name);
  if (source.additional !== 'unstated') {
    if (target.additional === 'unstated' || target.additional === 'forbid') target.additional = source.additional;
  }
  target.items ??= source.items;
  target.minimum ??= source.minimum;
  target.maximum ??= source.maximum;
  target.minLength ??= source.minLength;
  target.maxLength ??= source.maxLength;
  target.patterns.push(...source.patterns);
  target.minItems ??= source.minItems;
  target.maxItems ??= source.maxItems;
  target.alternatives.push(...source.alternatives);
  return target;
}

function copyFlat(flat: Flat): Flat {
  return mergeInto(emptyFlat(), flat);
}

export function flatten(spec: HhSpec, schemaIn: SchemaObject | undefined, depth = 0): Flat {
  if (!schemaIn) return emptyFlat();
  const schema = spec.resolve<SchemaObject>(schemaIn);
  const cached = flatCache.get(schema);
  if (cached) return cached;
  if (depth > 40) throw new Error('hh spec: allOf nesting too deep');
  const flat = emptyFlat();
  flat.type = schema.type;
  flat.enum = schema.enum;
  flat.nullable = schema.nullable === true;
  for (const [name, property] of Object.entries(schema.properties ?? {})) flat.properties.set(name, [property]);
  for (const name of schema.required ?? []) flat.required.add(name);
  if (schema.additionalProperties === false) flat.additional = 'forbid';
  else if (schema.additionalProperties === true) flat.additional = 'allow';
  else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') flat.additional = schema.additionalProperties;
  flat.items = schema.items;
  flat.minimum = schema.minimum;
  flat.maximum = schema.maximum;
  flat.minLength = schema.minLength;
  flat.maxLength = schema.maxLength;
  if (schema.pattern) flat.patterns.push(schema.pattern);
  flat.minItems = schema.minItems;
  flat.maxItems = schema.maxItems;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) flat.alternatives.push(alternatives);
  if (schema.oneOf && schema.anyOf) flat.alternatives.push(schema.anyOf);
  for (const part of schema.allOf ?? []) mergeInto(flat, flatten(spec, part, depth + 1));
  flatCache.set(schema, flat);
  return flat;
}

const mergedCache = new WeakMap<Flat, Map<SchemaObject, Flat>>();

/** `flat` with its first group of alternatives replaced by `option` (cached: flats and schemas are stable objects). */
function withAlternative(spec: HhSpec, flat: Flat, option: SchemaObject): Flat {
  let byOption = mergedCache.get(flat);
  if (!byOption) mergedCache.set(flat, (byOption = new Map()));
  let merged = byOption.get(option);
  if (!merged) {
    const base = copyFlat(flat);
    base.alternatives = flat.alternatives.slice(1);
    merged = mergeInto(base, flatten(spec, option));
    byOption.set(option, merged);
  }
  return merged;
}

/** Descriptions of repeatable parameters and fields say so in words; the spec never types them as arrays. */
export function saysRepeatable(description: string | undefined): boolean {
  return /нескольк|через амперсанд|multiple values|several values/i.test(description ?? '');
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof FormFields);

const show = (value: unknown) => {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** Checks `value` against `schema`; returns readable problems, each starting with `at`. */
export function checkValue(spec: HhSpec, schema: SchemaObject | undefined, value: unknown, at: string, mode: ValueMode): string[] {
  return checkFlat(spec, flatten(spec, schema), value, at, mode);
}

function labelOf(spec: HhSpec, schema: SchemaObject | undefined): string | undefined {
  if (!schema) return undefined;
  return spec.refName(schema) ?? spec.resolve<SchemaObject>(schema).title;
}

function checkFlat(spec: HhSpec, flat: Flat, value: unknown, at: string, mode: ValueMode): string[] {
  if (value === null) {
    if (flat.nullable || flat.enum?.includes(null) || (!flat.type && flat.alternatives.length === 0)) return [];
    if (flat.alternatives.length === 0) return [`${at}: must not be null`];
  }
  if (flat.alternatives.length > 0) {
    const group = flat.alternatives[0]!;
    let best: { problems: string[]; label: string; score: number } | undefined;
    const labels: string[] = [];
    for (const [i, option] of group.entries()) {
      const label = labelOf(spec, option) ?? `alternative ${i + 1}`;
      labels.push(label);
      const merged = withAlternative(spec, flat, option);
      const problems = checkFlat(spec, merged, value, at, mode);
      if (problems.length === 0) return [];
      // A wrong enum value (a discriminator such as grant_type) rules an alternative out more than a missing field.
      const score = problems.reduce((sum, p) => sum + (p.includes(' is not one of ') ? 10 : 1), 0);
      if (!best || score < best.score) best = { problems, label, score };
    }
    return [
      `${at}: matches none of the ${group.length} shapes the spec allows (${labels.join(', ')}); the closest is ${best!.label}:`,
      ...best!.problems,
    ];
  }

  if (value instanceof FormFields) return checkObject(spec, flat, value, at, mode);
  if (mode === 'text') return checkText(flat, String(value), at);

  const problems: string[] = [];
  const type = flat.type ?? (isPlainObject(value) && flat.properties.size > 0 ? 'object' : undefined);
  switch (type) {
    case 'string':
      if (typeof value !== 'string') return [`${at}: must be a string, got ${show(value)}`];
      problems.push(...checkStringRules(flat, value, at));
      break;
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value) || (type === 'integer' && !Number.isInteger(value))) {
        return [`${at}: must be ${type === 'integer' ? 'an integer' : 'a number'}, got ${show(value)}`];
      }
      problems.push(...checkNumberRules(flat, value, at));
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return [`${at}: must be a boolean, got ${show(value)}`];
      break;
    case 'array':
      if (!Array.isArray(value)) return [`${at}: must be an array, got ${show(value)}`];
      if (flat.minItems !== undefined && value.length < flat.minItems) problems.push(`${at}: needs at least ${flat.minItems} items`);
      if (flat.maxItems !== undefined && value.length > flat.maxItems) problems.push(`${at}: allows at most ${flat.maxItems} items`);
      if (flat.items) value.forEach((item, i) => problems.push(...checkValue(spec, flat.items, item, `${at}[${i}]`, mode)));
      break;
    case 'object':
      if (!isPlainObject(value)) return [`${at}: must be an object, got ${show(value)}`];
      problems.push(...checkObject(spec, flat, value, at, mode));
      break;
    default:
      break;
  }
  if (flat.enum && !flat.enum.some((allowed) => allowed === value)) {
    problems.push(`${at}: ${show(value)} is not one of ${flat.enum.map((v) => show(v)).join(', ')}`);
  }
  return problems;
}

function checkText(flat: Flat, value: string, at: string): string[] {
  const problems: string[] = [];
  switch (flat.type) {
    case 'number':
    case 'integer':
      if (!(flat.type === 'integer' ? INTEGER : NUMBER).test(value))
        return [`${at}: ${show(value)} is not ${flat.type === 'integer' ? 'an integer' : 'a number'}`];
      problems.push(...checkNumberRules(flat, Number(value), at));
      break;
    case 'boolean':
      if (value !== 'true' && value !== 'false') return [`${at}: ${show(value)} is not a boolean (true or false)`];
      break;
    case 'object':
      return [];
    case 'string':
    case undefined:
      problems.push(...checkStringRules(flat, value, at));
      break;
    default:
      break;
  }
  if (flat.enum && !flat.enum.some((allowed) => allowed !== null && String(allowed) === value)) {
    problems.push(
      `${at}: ${show(value)} is not one of ${flat.enum
        .filter((v) => v !== null)
        .map((v) => show(v))
        .join(', ')}`,
    );
  }
  return problems;
}

function checkStringRules(flat: Flat, value: string, at: string): string[] {
  const problems: string[] = [];
  if (flat.minLength !== undefined && value.length < flat.minLength)
    problems.push(`${at}: must be at least ${flat.minLength} characters long`);
  if (flat.maxLength !== undefined && value.length > flat.maxLength)
    problems.push(`${at}: must be at most ${flat.maxLength} characters long`);
  for (const pattern of flat.patterns) {
    if (!new RegExp(pattern, 'u').test(value)) problems.push(`${at}: ${show(value)} does not match the pattern ${pattern}`);
  }
  return problems;
}

function checkNumberRules(flat: Flat, value: number, at: string): string[] {
  const problems: string[] = [];
  if (flat.minimum !== undefined && value < flat.minimum) problems.push(`${at}: ${value} is below the minimum ${flat.minimum}`);
  if (flat.maximum !== undefined && value > flat.maximum) problems.push(`${at}: ${value} is above the maximum ${flat.maximum}`);
  return problems;
}

function checkObject(spec: HhSpec, flat: Flat, value: Record<string, unknown> | FormFields, at: string, mode: ValueMode): string[] {
  const problems: string[] = [];
  const form = value instanceof FormFields ? value : undefined;
  const names = form ? [...form.fields.keys(), ...form.files.keys()] : Object.keys(value);
  const has = (name: string) => (form ? form.fields.has(name) || form.files.has(name) : Object.hasOwn(value, name));
  for (const name of flat.required) if (!has(name)) problems.push(`${at}: missing required field "${name}"`);
  for (const name of new Set(names)) {
    const schemas = flat.properties.get(name);
    const where = `${at}.${name}`;
    if (!schemas) {
      if (flat.additional === 'forbid' || (flat.additional === 'unstated' && flat.properties.size > 0)) {
        problems.push(`${at}: unknown field "${name}" (the spec knows ${[...flat.properties.keys()].join(', ')})`);
      } else if (typeof flat.additional === 'object' && !form) {
        problems.push(...checkValue(spec, flat.additional, (value as Record<string, unknown>)[name], where, mode));
      }
      continue;
    }
    for (const schema of schemas) {
      if (form) {
        if (form.files.has(name)) continue; // a file part: nothing to check beyond being a known field
        const description = spec.resolve<SchemaObject>(schema).description;
        problems.push(...checkTextValues(spec, schema, form.fields.get(name) ?? [], where, description));
      } else {
        problems.push(...checkValue(spec, schema, (value as Record<string, unknown>)[name], where, mode));
      }
    }
  }
  return problems;
}

/**
 * One query parameter or form field, given `values.length` times. An array schema takes every value as an
 * item; a scalar schema takes one value, or several when `description` says so (see saysRepeatable).
 */
export function checkTextValues(
  spec: HhSpec,
  schema: SchemaObject | undefined,
  values: string[],
  at: string,
  description?: string,
): string[] {
  const flat = flatten(spec, schema);
  if (flat.type === 'array') {
    const problems: string[] = [];
    if (flat.minItems !== undefined && values.length < flat.minItems) problems.push(`${at}: needs at least ${flat.minItems} values`);
    if (flat.maxItems !== undefined && values.length > flat.maxItems) problems.push(`${at}: allows at most ${flat.maxItems} values`);
    values.forEach((v) => problems.push(...checkValue(spec, flat.items, v, at, 'text')));
    return problems;
  }
  const problems: string[] = [];
  if (values.length > 1 && !saysRepeatable(description ?? spec.resolve<SchemaObject>(schema ?? {}).description)) {
    problems.push(
      `${at}: given ${values.length} times, but the spec allows one value (not an array, and its description does not say several may be given)`,
    );
  }
  for (const v of values) problems.push(...checkFlat(spec, flat, v, at, 'text'));
  return problems;
}
