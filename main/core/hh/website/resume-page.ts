import { pageChanged } from './errors';
import { unescapeHtml, type PageState } from './page-state';
import type { PageShape } from './parsers';

/**
 * A resume's own page, read into the official API's resume shape so every feature reads one shape
 * (main/core/ai/text/resume-facts.ts). hh.ru keeps the resume in three places:
 * - 2026: `/resume/{hash}` main state `applicantResume`, every word wrapped as `[{"string": ...}]`
 *   (there is also a `resume` key, empty);
 * - 2026, the editing front end: a `ResumeProfileFront-InitialState` template, `scheme.resume`;
 * - older: `resume` with plain values.
 * Sources: docs/hh/WEBSITE-NOTES.md ("What changed during 2026"), test/fixtures/hh-site/README.md.
 */

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const scalar = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** `[{"string": "x"}, ...]`, `{"string": "x"}`, `"x"` or `5`: the words, in order. */
function words(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(words);
  if (value && typeof value === 'object') {
    const o = value as Json;
    return [scalar(o.string) || scalar(o.text) || scalar(o.name)].filter(Boolean);
  }
  return [scalar(value)].filter(Boolean);
}
const word = (value: unknown): string => words(value)[0] ?? '';

/** Experience descriptions are plain text with entities on some pages. */
const text = (value: unknown): string => {
  const raw = word(value);
  return /&(#\d+|#x[0-9a-f]+|amp|quot|lt|gt|apos);/i.test(raw) ? unescapeHtml(raw) : raw;
};

/** "2024-05-01", "2024-05", `{"string": "2024-05-01"}` or a year: kept as hh.ru's API writes it ("YYYY-MM-DD"). */
const date = (value: unknown): string | null => {
  const raw = word(value);
  const match = raw.match(/^(\d{4})(?:-(\d{2}))?/);
  return match ? `${match[1]}-${match[2] ?? '01'}-01` : null;
};

const company = (entry: Json): string =>
  word(entry.companyName) || word(entry.company) || word(obj(entry.company).name) || word(obj(entry.employer).name);

const months = (value: unknown): number | null => {
  const inner = obj(value);
  if (typeof inner.months === 'number') return inner.months;
  const raw = word(value);
  return raw && Number.isFinite(Number(raw)) ? Number(raw) : null;
};

export interface WebsiteResumeJson {
  /** Where it was read, for support: which of hh.ru's layouts the page had. */
  source: { transport: 'website'; shape: PageShape; key: string };
  id: string | null;
  hash: string | null;
  title: string;
  status: string | null;
  /** "О себе" (the API calls it `skills`). */
  skills: string;
  skill_set: string[];
  total_experience: { months: number } | null;
  experience: { company: string; position: string; start: string | null; end: string | null; description: string }[];
  education: { primary: { name: string; organization: string; result: string; year: number | null }[] };
  language: { name: string; level: { name: string } | null }[];
}

/** One resume object (any of the three places) in the official API's shape. */
export function toResumeJson(resume: Json, source: WebsiteResumeJson['source']): WebsiteResumeJson {
  const attributes = obj(Array.isArray(resume._attributes) ? resume._attributes[0] : resume._attributes);
  const applicantSkills = list(resume.resumeApplicantSkills).map(obj);
  const skillNames = [
    ...words(resume.keySkills),
    ...list(resume.advancedKeySkills).map((s) => word(obj(s).name)),
    ...applicantSkills.filter((s) => scalar(s.category) !== 'LANG').map((s) => scalar(s.name)),
  ].filter(Boolean);
  const languages = [
    ...applicantSkills
      .filter((s) => scalar(s.category) === 'LANG')
      .map((s) => ({ name: scalar(s.name), level: scalar(obj(s.level).name) })),
    ...list(resume.language).map((l) => ({ name: word(obj(l).name) || word(l), level: word(obj(obj(l).level).name) })),
  ].filter((l) => l.name);
  const total = months(resume.totalExperience ?? resume.total_experience);
  return {
    source,
    id: scalar(attributes.id) || scalar(resume.id) || null,
    hash: scalar(attributes.hash) || scalar(resume.hash) || null,
    title: word(resume.title),
    status: scalar(attributes.status) || null,
    skills: text(resume.skills) || text(resume.about),
    skill_set: [...new Set(skillNames)],
    total_experience: total === null ? null : { months: total },
    experience: list(resume.experience)
      .map(obj)
      .map((entry) => ({
        company: company(entry),
        position: word(entry.position),
        start: date(entry.startDate ?? entry.start),
        end: date(entry.endDate ?? entry.end),
        description: text(entry.description),
      }))
      .filter((entry) => entry.company || entry.position || entry.description),
    education: {
      primary: list(resume.primaryEducation ?? obj(resume.education).primary)
        .map(obj)
        .map((entry) => ({
          name: word(entry.name),
          organization: word(entry.organization),
          result: word(entry.result),
          year: Number(word(entry.year)) || null,
        }))
        .filter((entry) => entry.name || entry.organization),
    },
    language: languages.map((l) => ({ name: l.name, level: l.level ? { name: l.level } : null })),
  };
}

/** A resume object with something in it: hh.ru leaves an empty `resume` beside `applicantResume`. */
const hasContent = (value: unknown): value is Json => {
  const o = obj(value);
  return Boolean(word(o.title) || list(o.experience).length || word(o.skills) || list(o.keySkills).length);
};

/**
 * The resume of `/resume/{hash}`: `applicantResume` (2026), else a resume front end widget's
 * `scheme.resume` (2026 editing pages), else `resume` (older). None with content is a changed page:
 * letters must never be written from an empty resume believed full.
 */
export function parseResumePage(state: PageState, widgets: PageState[], url: string): WebsiteResumeJson {
  if (hasContent(state.applicantResume))
    return toResumeJson(state.applicantResume, { transport: 'website', shape: '2026', key: 'applicantResume' });
  for (const widget of widgets) {
    const scheme = obj(widget.scheme);
    const resume = hasContent(scheme.resume) ? scheme.resume : hasContent(widget.resume) ? widget.resume : undefined;
    if (resume) return toResumeJson(resume, { transport: 'website', shape: '2026', key: 'ResumeProfileFront-InitialState' });
  }
  if (hasContent(state.resume)) return toResumeJson(state.resume, { transport: 'website', shape: 'older', key: 'resume' });
  throw pageChanged(url, 'resume page: no applicantResume, ResumeProfileFront-InitialState or resume with content');
}
