import { z } from 'zod';

// hh.ru writes times with an offset ("2025-03-14T12:00:00+0300"). Stored times are compared and
// sorted as text, so every one is turned into UTC ISO first; a time without an offset is refused
// because it could mean any zone.
const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export const isoTimeSchema = z
  .string()
  .refine((value) => withOffset.test(value) && !Number.isNaN(Date.parse(value)), 'Expected a date and time with a time zone')
  .transform((value) => new Date(value).toISOString());
