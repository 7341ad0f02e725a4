import { z } from 'zod';

/**
 * What a field's problem is, as a word the renderer translates with `params` (`{ min: 1 }`), so a
 * Russian user reads «Не меньше 1» and not zod's English. A schema names a rule of its own (an
 * order between two fields, a phone) with `params: { rule }` on its refine; anything else is read
 * from zod's issue code.
 */
export const validationRules = [
  'required',
  'min',
  'max',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'number',
  'whole',
  'text',
  'email',
  'link',
  'time',
  'dateTime',
  'format',
  'choice',
  'unknownField',
  'invalid',
  // rules a schema names itself
  'pauseOrder',
  'phone',
  'telegram',
  'redirectUri',
] as const;
export const validationRuleSchema = z.enum(validationRules);
export type ValidationRule = z.infer<typeof validationRuleSchema>;

export const fieldIssueSchema = z.object({
  /** Dotted path of the field (`settings.model`, `links.0`), or `(input)` for the whole request. */
  path: z.string(),
  /** The schema's English sentence: what the headless API and the log show. */
  message: z.string(),
  rule: validationRuleSchema.optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

type Issue = z.core.$ZodIssue;

const isRule = (value: unknown): value is ValidationRule => validationRuleSchema.safeParse(value).success;

const valueAt = (input: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const bound = (value: number | bigint) => Number(value);

function ruleOf(issue: Issue, input: unknown): { rule: ValidationRule; params?: Record<string, string | number> } {
  switch (issue.code) {
    case 'too_small': {
      const min = bound(issue.minimum) + (issue.inclusive === false ? 1 : 0);
      if (issue.origin === 'string') return min <= 1 ? { rule: 'required' } : { rule: 'minLength', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { rule: 'minItems', params: { min } };
      return { rule: 'min', params: { min } };
    }
    case 'too_big': {
      const max = bound(issue.maximum) - (issue.inclusive === false ? 1 : 0);
      if (issue.origin === 'string') return { rule: 'maxLength', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { rule: 'maxItems', params: { max } };
      return { rule: 'max', params: { max } };
    }
    case 'invalid_type':
      if (blank(valueAt(input, issue.path))) return { rule: 'required' };
      if (issue.expected === 'int') return { rule: 'whole' };
      if (issue.expected === 'number') return { rule: 'number' };
      if (issue.expected === 'string') return { rule: 'text' };
      return { rule: 'invalid' };
    case 'invalid_format':
      if (issue.format === 'email') return { rule: 'email' };
      if (issue.format === 'url') return { rule: 'link' };
      if (issue.format === 'datetime') return { rule: 'dateTime' };
      return { rule: 'format' };
    case 'not_multiple_of':
      return { rule: 'whole' };
    case 'invalid_value':
      return { rule: 'choice' };
    case 'unrecognized_keys':
      return { rule: 'unknownField', params: { keys: issue.keys.join(', ') } };
    case 'custom': {
      const { rule, ...params } = (issue.params ?? {}) as Record<string, unknown>;
      const plain = Object.fromEntries(
        Object.entries(params).filter((entry): entry is [string, string | number] => ['string', 'number'].includes(typeof entry[1])),
      );
      return isRule(rule) ? { rule, params: plain } : { rule: 'invalid' };
    }
    case 'invalid_union': {
      // A union such as "empty or an email" reports the branch the value came closest to.
      const inner = issue.errors.flat().find((candidate) => candidate.code !== 'invalid_value' && candidate.code !== 'invalid_type');
      return inner ? ruleOf({ ...inner, path: issue.path } as Issue, input) : { rule: 'invalid' };
    }
    default:
      return { rule: 'invalid' };
  }
}

/** A zod failure as field issues the renderer can translate; `input` is what was parsed (to tell "missing" from "wrong"). */
export function fieldIssuesOf(error: z.ZodError, input: unknown): FieldIssue[] {
  return error.issues.map((issue) => {
    const { rule, params } = ruleOf(issue, input);
    return {
      path: issue.path.map(String).join('.') || '(input)',
      message: issue.message,
      rule,
      ...(params && Object.keys(params).length ? { params } : {}),
    };
  });
}
