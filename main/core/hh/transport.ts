import type {
  HhAccount,
  HhOperation,
  HhResume,
  HhTransportId,
  Negotiation,
  NegotiationMessage,
  SearchFilters,
  VacancyFacts,
} from '../../../shared/domain';

export interface SearchQuery {
  filters: SearchFilters;
  page: number;
  perPage: number;
  /** Narrower windows than the filters' period, used to split searches past hh.ru's 2000-result depth. */
  dateFrom?: string;
  dateTo?: string;
  /** Overrides filters.areas when a wide search is split by area. */
  areas?: string[];
}

export interface SearchPage {
  found: number;
  pages: number;
  page: number;
  perPage: number;
  items: VacancyFacts[];
}

export interface ApplyInput {
  vacancyId: string;
  resumeId: string;
  /** The website addresses resumes by hash. */
  resumeHash?: string | null;
  message: string;
}

export type ApplyOutcome = { kind: 'applied'; negotiationId: string | null } | { kind: 'external'; url: string };

export interface SendMessageInput {
  negotiationId: string;
  text: string;
  /** Reused when the same message is retried, so hh.ru never shows it twice. */
  idempotencyKey: string;
}

/** One way to reach hh.ru (official API, website session, ...). The gateway picks per operation. */
export interface HhTransport {
  readonly id: HhTransportId;
  /** null when the operation can be tried now; otherwise the reason it cannot, in the user's words. */
  unavailableReason(operation: HhOperation): Promise<string | null>;
  /** A cheap real request that finds out what hh.ru refuses this transport (after sign-in, after failures). */
  probe?(signal?: AbortSignal): Promise<Partial<Record<HhOperation, string>>>;
  me(signal?: AbortSignal): Promise<HhAccount>;
  resumes(signal?: AbortSignal): Promise<HhResume[]>;
  resume(id: string, signal?: AbortSignal): Promise<unknown>;
  searchVacancies(query: SearchQuery, signal?: AbortSignal): Promise<SearchPage>;
  vacancy(id: string, signal?: AbortSignal): Promise<VacancyFacts>;
  similarVacancies(resumeId: string, query: SearchQuery, signal?: AbortSignal): Promise<SearchPage>;
  apply(input: ApplyInput, signal?: AbortSignal): Promise<ApplyOutcome>;
  negotiations(page: number, signal?: AbortSignal): Promise<{ items: Negotiation[]; pages: number }>;
  messages(negotiationId: string, signal?: AbortSignal): Promise<NegotiationMessage[]>;
  sendMessage(input: SendMessageInput, signal?: AbortSignal): Promise<void>;
  raiseResume(id: string, signal?: AbortSignal): Promise<void>;
  hideVacancy(id: string, signal?: AbortSignal): Promise<void>;
  hideEmployer(id: string, signal?: AbortSignal): Promise<void>;
  dictionaries(signal?: AbortSignal): Promise<Record<string, unknown>>;
  areas(signal?: AbortSignal): Promise<unknown[]>;
}
