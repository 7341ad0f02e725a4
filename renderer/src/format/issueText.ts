import type { TFunction } from 'i18next';
import type { AppErrorValue, FieldIssue } from '../../../shared/contract';
import { knownKey } from '../i18n/knownKey';
import { resources } from '../i18n/resources';

/** The field a dotted path names: its last word that is not an index (`links.0` is `links`). */
const fieldOf = (path: string): string =>
  path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .at(-1) ?? '(input)';

/**
 * A field's problem in the reader's language: the rule said for this field when there is such a
 * text, else the rule in general, else (an issue from an older core) the schema's own sentence.
 */
function problemOf(t: TFunction, issue: FieldIssue): string {
  if (!issue.rule) return issue.message;
  const params = { ...issue.params };
  const field = fieldOf(issue.path);
  const exact: Record<string, Record<string, string>> = resources.ru.translation.validation.byField;
  // The key is built from two checked names, so it is one of the dictionary's.
  if (Object.hasOwn(exact, field) && Object.hasOwn(exact[field]!, issue.rule))
    return t(`validation.byField.${field}.${issue.rule}` as never, params);
  return t(`validation.rules.${issue.rule}`, params);
}

/** The problem as a sentence of its own, shown at its field. */
export function issueText(t: TFunction, issue: FieldIssue): string {
  const problem = problemOf(t, issue);
  return problem.charAt(0).toUpperCase() + problem.slice(1);
}

/** The field's name in words, or the last word of its path when the dictionary has none. */
export const fieldName = (t: TFunction, path: string): string => {
  const field = fieldOf(path);
  const key = knownKey('validation.fields', field);
  return key ? t(key) : field;
};

/** "Срок действия: не больше 365", for a banner that lists problems away from their fields. */
export const issueLine = (t: TFunction, issue: FieldIssue): string =>
  t('validation.line', { field: fieldName(t, issue.path), problem: problemOf(t, issue) });

/** Field problems by dotted path in the reader's language; `links.0` also counts for `links`. */
export function issueTexts(t: TFunction, error: AppErrorValue | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const issue of error?.issues ?? []) {
    const text = issueText(t, issue);
    map[issue.path] ??= text;
    const head = issue.path.split('.')[0];
    if (head) map[head] ??= text;
  }
  return map;
}

/** Field problems by the field's own name (`search.filters.salary` is `salary`), for a form whose fields are named once. */
export function issuesByField(t: TFunction, error: AppErrorValue | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const issue of error?.issues ?? []) map[fieldOf(issue.path)] ??= issueText(t, issue);
  return map;
}
