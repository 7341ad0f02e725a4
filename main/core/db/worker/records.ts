import type { SqlParams, SqlValue, Statement } from './protocol';

/**
 * A journal record is the statements of one acknowledged write, replayed in order at open. The
 * repositories pass every time and id as a parameter, so replaying gives the same rows. Blobs
 * travel as base64 under a tag, since JSON has no bytes.
 */
type Encoded = string | number | null | { b64: string };

const encodeValue = (value: SqlValue): Encoded => (value instanceof Uint8Array ? { b64: Buffer.from(value).toString('base64') } : value);
const decodeValue = (value: Encoded): SqlValue =>
  value !== null && typeof value === 'object' ? new Uint8Array(Buffer.from(value.b64, 'base64')) : value;

const encodeParams = (params: SqlParams | undefined) =>
  params === undefined
    ? undefined
    : Array.isArray(params)
      ? params.map(encodeValue)
      : Object.fromEntries(Object.entries(params).map(([key, value]) => [key, encodeValue(value)]));

const decodeParams = (params: Encoded[] | Record<string, Encoded> | undefined): SqlParams | undefined =>
  params === undefined
    ? undefined
    : Array.isArray(params)
      ? params.map(decodeValue)
      : Object.fromEntries(Object.entries(params).map(([key, value]) => [key, decodeValue(value)]));

export function encodeRecord(statements: readonly Statement[]): Uint8Array {
  return Buffer.from(JSON.stringify(statements.map((s) => [s.sql, encodeParams(s.params)])), 'utf8');
}

export function decodeRecord(payload: Uint8Array): Statement[] {
  const parsed = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8')) as [
    string,
    Encoded[] | Record<string, Encoded> | undefined,
  ][];
  return parsed.map(([sql, params]) => {
    const decoded = decodeParams(params ?? undefined);
    return decoded === undefined ? { sql } : { sql, params: decoded };
  });
}
