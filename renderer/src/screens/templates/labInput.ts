import type { ChannelInput } from '../../../../shared/contract';

export type Source = 'hh' | 'text';
export const sources = ['hh', 'text'] as const satisfies readonly Source[];

/** The vacancy the lab writes for: an hh.ru link or number, or a pasted one. Both are kept while the other is picked. */
export interface LabVacancy {
  source: Source;
  idOrUrl: string;
  title: string;
  employer: string;
  text: string;
}

export const emptyVacancy: LabVacancy = { source: 'text', idOrUrl: '', title: '', employer: '', text: '' };

export const vacancyInput = (v: LabVacancy): ChannelInput<'templates.try'>['vacancy'] =>
  v.source === 'hh' ? { source: 'hh', idOrUrl: v.idOrUrl } : { source: 'text', title: v.title, employer: v.employer, text: v.text };

/** The length typed in the form; an empty field leaves it to the template or the app's default. */
export const lengthOf = (maxLength: string): number | undefined => (maxLength.trim() ? Number(maxLength) : undefined);

/** The sentence next to a field, by the dotted path of the core's issue; undefined when the field is fine. */
export type IssueAt = (path: string) => string | undefined;
