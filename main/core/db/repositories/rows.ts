import type { SqlValue } from '../worker/protocol';

/** Small converters between SQLite's values and domain types, shared by every repository. */
export const bool = (value: SqlValue | undefined): boolean => value === 1;
export const flag = (value: boolean): number => (value ? 1 : 0);
export const text = (value: SqlValue | undefined): string | null => (value === null || value === undefined ? null : String(value));
export const int = (value: SqlValue | undefined): number | null => (value === null || value === undefined ? null : Number(value));
export const json = <T>(value: SqlValue | undefined, fallback: T): T => {
  if (typeof value !== 'string') return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
};
