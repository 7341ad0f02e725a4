import type { UnsupportedClaim } from '../../../../shared/domain/letter';

/** Everything a letter may lean on: the resume's hh.ru JSON, the profile, the vacancy and the user's own template. */
export interface GroundingSources {
  /** hh.ru's resume JSON as kept (the full one when read), or null when the letter has no resume. */
  resume: unknown;
  resumeTitle?: string;
  /** The profile's fields (name, contacts, links). */
  profile: Record<string, unknown>;
  vacancy: {
    title: string;
    employer: { name: string | null };
    descriptionText: string;
    keySkills: string[];
    area?: { name: string | null };
  };
  /** The letter template's instruction or text: whatever the user wrote there is theirs to claim. */
  template?: string;
}

// Words a letter uses that name nobody's achievement: greetings, the polite "Вы", the site and the contact channels.
const FREE_WORDS = new Set(
  [
    'вы',
    'вас',
    'вам',
    'вами',
    'ваш',
    'ваша',
    'ваше',
    'ваши',
    'вашей',
    'вашего',
    'вашему',
    'вашем',
    'вашу',
    'вашим',
    'ваших',
    'вашими',
    'здравствуйте',
    'добрый',
    'уважаемые',
    'уважаемый',
    'уважением',
    'спасибо',
    'благодарю',
    'i',
    "i'm",
    "i've",
    "i'd",
    "i'll",
    'dear',
    'hello',
    'hi',
    'best',
    'regards',
    'sincerely',
    'kind',
    'thank',
    'thanks',
    'yours',
    'hh',
    'hh.ru',
    'headhunter',
    'telegram',
    'email',
    'e-mail',
    'cv',
    'hr',
    'it',
    'ok',
  ].map((word) => word.toLowerCase()),
);

const SENTENCE_END = /[.!?…:]\s*$|^\s*$|\n\s*$/;

/** Every string and number in a JSON value, one per line: the resume's facts wherever hh.ru put them. */
function flatten(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) value.forEach((item) => flatten(item, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => flatten(item, out));
  return out;
}

const lower = (text: string) => text.toLowerCase().replace(/ё/g, 'е');

/** Years of experience a letter may state: the whole career and each job, rounded either way. */
function experienceYears(resume: unknown): number[] {
  const raw = (resume && typeof resume === 'object' ? resume : {}) as Record<string, unknown>;
  const years: number[] = [];
  const total = (raw.total_experience ?? raw.totalExperience) as { months?: unknown } | undefined;
  const months: number[] = typeof total?.months === 'number' ? [total.months] : [];
  for (const entry of Array.isArray(raw.experience) ? raw.experience : []) {
    const { start, end } = (entry ?? {}) as { start?: unknown; end?: unknown };
    const from = typeof start === 'string' ? Date.parse(start.slice(0, 7)) : NaN;
    const to = typeof end === 'string' && end ? Date.parse(end.slice(0, 7)) : Date.now();
    if (Number.isFinite(from) && Number.isFinite(to) && to >= from) months.push((to - from) / (30.44 * 24 * 3600 * 1000));
  }
  for (const m of months) years.push(Math.floor(m / 12), Math.round(m / 12), Math.ceil(m / 12));
  return years;
}

/** A Russian word without its ending, so "Яндексе" matches "Яндекс" and "Москве" matches "Москва". */
const stem = (word: string) => word.slice(0, Math.max(4, word.length - 2));

/** The sources' text and numbers, ready to be asked about a letter's claims. */
interface SourceIndex {
  text: string;
  numbers: Set<string>;
}

function indexOf(parts: string[], extraNumbers: number[] = []): SourceIndex {
  const text = lower(parts.join('\n'));
  const numbers = new Set([...(text.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(',', '.')), ...extraNumbers.map(String)]);
  return { text, numbers };
}

/** What a word of the sources is made of: a word is a longest run of these, trailing dots aside. */
const WORD_CHAR = /[\p{L}\p{N}+#.]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);

/**
 * Whether some word of `text` begins with `prefix` (`whole`: is exactly it). Searched in the text
 * itself rather than in a list of its words: a letter has a hundred words, a vacancy thousands, and
 * splitting and sorting those was most of a draft's CPU in the engine's bench.
 */
function hasWord(text: string, prefix: string, whole: boolean): boolean {
  if (!prefix) return false;
  for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
    if (at > 0 && isWordChar(text[at - 1])) continue;
    if (!whole) return true;
    let end = at + prefix.length;
    while (text[end] === '.') end += 1;
    if (!isWordChar(text[end])) return true;
  }
  return false;
}

/**
 * The user's own sources (resume, profile, template) are the same for every letter of a run: their
 * index is kept for the last few distinct ones rather than rebuilt per letter (building it was most
 * of a draft's CPU in the engine's bench).
 */
const ownIndexes = new Map<string, SourceIndex>();
const OWN_KEPT = 8;

function ownSources(sources: GroundingSources): SourceIndex {
  // The day is part of the key: a current job's years are counted up to today.
  const key = JSON.stringify([
    new Date().toISOString().slice(0, 10),
    sources.resume ?? null,
    sources.resumeTitle ?? '',
    sources.profile,
    sources.template ?? '',
  ]);
  let index = ownIndexes.get(key);
  if (!index) {
    index = indexOf(
      [...flatten(sources.resume), sources.resumeTitle ?? '', ...flatten(sources.profile), sources.template ?? ''],
      experienceYears(sources.resume),
    );
    if (ownIndexes.size >= OWN_KEPT) ownIndexes.delete(ownIndexes.keys().next().value!);
    ownIndexes.set(key, index);
  }
  return index;
}

/** The vacancy's index, kept with the vacancy object it was built from (a letter is checked more than once). */
const vacancyIndexes = new WeakMap<object, SourceIndex>();

function vacancySources(vacancy: GroundingSources['vacancy']): SourceIndex {
  let index = vacancyIndexes.get(vacancy);
  if (!index) {
    index = indexOf([vacancy.title, vacancy.employer.name ?? '', vacancy.descriptionText, ...vacancy.keySkills, vacancy.area?.name ?? '']);
    vacancyIndexes.set(vacancy, index);
  }
  return index;
}

/**
 * What the letter says about the candidate that no source backs: employers and names (a capitalised
 * word mid-sentence, a quoted name), numbers and years, and skills (Latin-script terms). Without a
 * model: a rule that is right most of the time and never invents a problem from nothing a letter
 * needs (greetings, the contacts block, the vacancy's own words are all grounded).
 */
export function findUnsupportedClaims(body: string, sources: GroundingSources): UnsupportedClaim[] {
  const indexes = [ownSources(sources), vacancySources(sources.vacancy)];
  const inText = (needle: string) => indexes.some((index) => index.text.includes(needle));
  const hasNumber = (value: string) => indexes.some((index) => index.numbers.has(value));
  const isSourceWord = (word: string) => indexes.some((index) => hasWord(index.text, word, true));
  const begins = (prefix: string) => indexes.some((index) => hasWord(index.text, prefix, false));
  const claims: UnsupportedClaim[] = [];
  const seen = new Set<string>();
  const add = (kind: UnsupportedClaim['kind'], claim: string) => {
    const key = `${kind}:${lower(claim)}`;
    if (seen.has(key)) return;
    seen.add(key);
    claims.push({ kind, text: claim });
  };

  // Quoted names: «Ромашка», "Acme Corp".
  for (const match of body.matchAll(/[«“"]([^«»“”"\n]{2,60})[»”"]/g)) {
    const name = match[1]!.trim();
    if (name && !inText(lower(name))) add('employer', name);
  }
  // Numbers and years. Ordinals in lists ("1.") and the digits of a link stay out.
  for (const match of body.matchAll(/(?<![\p{L}\d./:@-])(\d+(?:[.,]\d+)?)(?![\p{L}\d/@]|\.\d)/gu)) {
    const value = match[1]!.replace(',', '.');
    if (hasNumber(value)) continue;
    const n = Number(value);
    if (/^(19[5-9]\d|20[0-4]\d)$/.test(value)) add('year', value);
    // "1" and "2" are how letters say "one or two things"; the rest is a fact someone could check.
    else if (!(Number.isInteger(n) && n <= 2)) add('number', value);
  }
  const russian = (body.match(/[а-яё]/gi)?.length ?? 0) > (body.match(/[a-z]/gi)?.length ?? 0);
  for (const match of body.matchAll(/[\p{L}][\p{L}\p{N}+#.'-]*[\p{L}\p{N}+#]|[\p{L}]/gu)) {
    const word = match[0].replace(/\.+$/, '');
    const key = lower(word);
    const latin = /^[a-z]/i.test(word);
    // Latin terms match inside longer ones ("React" in "React.js"); Russian words by their stem.
    if (FREE_WORDS.has(key) || isSourceWord(key) || (latin ? key.length >= 3 && inText(key) : begins(stem(key)))) continue;
    const before = body.slice(Math.max(0, match.index - 3), match.index);
    const startsSentence =
      match.index === 0 ||
      SENTENCE_END.test(before) ||
      /^[\s\-–—•*]*$/.test(body.slice(body.lastIndexOf('\n', match.index) + 1, match.index));
    const capital = /^\p{Lu}/u.test(word);
    // In a Russian letter a Latin word is a technology or a company: a skill claim wherever it stands.
    // A word with a digit or a sign (C++, S3, Node.js) is one in any letter.
    if (latin && (russian || /[\d+#.]/.test(word.slice(1)) || (capital && !startsSentence))) {
      if (word.length >= 2) add('skill', word);
    } else if (!latin && capital && !startsSentence && word.length >= 3) {
      add('employer', word);
    }
  }
  return claims;
}
