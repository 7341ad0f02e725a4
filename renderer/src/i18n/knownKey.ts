import { resources } from './resources';

type Reference = (typeof resources)['ru']['translation'];

/** Dotted paths to groups of texts, e.g. 'notices' or 'chats.states'. */
type GroupPath<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string | readonly string[] ? never : `${Prefix}${K}` | GroupPath<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

type GroupAt<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? GroupAt<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

type KeyIn<P extends string> = `${P}.${keyof GroupAt<Reference, P> & string}`;

/**
 * Codes from the core or hh.ru (notice codes, chat states, region ids) are open-ended strings: the
 * typed key of the code's text in `group`, or undefined when there is none and the caller shows its fallback.
 */
export function knownKey<P extends GroupPath<Reference>>(group: P, code: string): KeyIn<P> | undefined {
  const texts = group.split('.').reduce<object>((node, part) => (node as Record<string, object>)[part] ?? {}, resources.ru.translation);
  return Object.hasOwn(texts, code) ? (`${group}.${code}` as KeyIn<P>) : undefined;
}
