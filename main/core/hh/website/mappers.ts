import type { HhAccount, HhResume, Negotiation, NegotiationMessage, VacancyFacts } from '../../../../shared/domain';
import { htmlToText } from '../../text/html';
import type { SearchPage, SearchQuery } from '../transport';
import type {
  ApplicantPage,
  ChatItem,
  ChatMessageItem,
  ChatSideResources,
  Paging,
  ResumeItem,
  SearchResult,
  SearchVacancy,
  Topic,
  VacancyView,
} from './parsers';
import { sitePageSize } from './requests';

/** The website's words turned into the app's domain (the same shapes the official API transport gives). */

export const toAccount = (account: NonNullable<ApplicantPage['account']>, userId: string): HhAccount => ({
  id: userId,
  firstName: account.firstName,
  lastName: account.lastName,
  email: account.email,
});

/** The participant id in chats (see parseResumeListPage for where it is found). */
export const userIdOf = (page: ApplicantPage): string | null => page.userId;

const titleOf = (item: ResumeItem): string =>
  (typeof item.title === 'string' || typeof item.title === 'number'
    ? String(item.title)
    : (item.title ?? []).map((part) => part.string ?? '').join(' ')
  ).trim() ||
  (item._attributes.title ?? '');

/**
 * hh.ru's resume statuses (2026): `not_finished` resumes are swapped by hh.ru for another one when
 * used to apply, so they are never applied with; the others may be raised when hh.ru says so
 * (`canPublishOrUpdate`), or when published on older pages that do not say.
 */
export const toResume = (item: ResumeItem, site: string): HhResume => {
  const status = item._attributes.status ?? null;
  return {
    id: item._attributes.id,
    hash: item._attributes.hash,
    title: titleOf(item),
    status,
    canPublish:
      status !== 'not_finished' &&
      (item._attributes.canPublishOrUpdate ?? item._attributes.canTouch ?? (status ?? 'published') === 'published'),
    nextPublishAt: item._attributes.nextTouchAt ?? item._attributes.nextPublishAt ?? null,
    url: `${site}/resume/${item._attributes.hash}`,
  };
};

const toSalary = (c: SearchVacancy['compensation']): VacancyFacts['salary'] => {
  if (!c || c.noCompensation || (c.from == null && c.to == null)) return null;
  return {
    from: c.from == null ? null : Math.round(c.from),
    to: c.to == null ? null : Math.round(c.to),
    currency: c.currencyCode ?? null,
    gross: c.gross ?? null,
  };
};

const toEmployer = (company: SearchVacancy['company']) => ({
  id: company?.id ?? null,
  name: company?.visibleName ?? company?.name ?? null,
});
const toArea = (area: SearchVacancy['area']) => ({ id: area?.['@id'] ?? area?.id ?? null, name: area?.name ?? null });

/** A search card: no description or skills (the list has none); `response_url` marks applying on the employer's site. */
export const vacancyFromSearch = (v: SearchVacancy, raw: unknown, site: string): VacancyFacts => ({
  hhId: v.vacancyId,
  title: v.name,
  employer: toEmployer(v.company),
  salary: toSalary(v.compensation),
  area: toArea(v.area),
  url: v.links?.desktop ?? `${site}/vacancy/${v.vacancyId}`,
  publishedAt: v.publicationTime ?? v.creationTime ?? null,
  descriptionHtml: '',
  descriptionText: '',
  keySkills: [],
  hasTest: v.userTestPresent,
  letterRequired: v['@responseLetterRequired'],
  archived: v.archived,
  externalUrl: v.response_url || null,
  raw,
});

export function vacancyFromView(v: VacancyView, raw: unknown, id: string, site: string): VacancyFacts {
  const skills = Array.isArray(v.keySkills) ? v.keySkills : (v.keySkills?.keySkill ?? []);
  return {
    hhId: v.vacancyId ?? v.id ?? id,
    title: v.name,
    employer: toEmployer(v.company),
    salary: toSalary(v.compensation),
    area: toArea(v.area),
    url: `${site}/vacancy/${v.vacancyId ?? v.id ?? id}`,
    publishedAt: v.publicationDate ?? v.publicationTimeIso ?? null,
    descriptionHtml: v.description,
    descriptionText: v.description ? htmlToText(v.description) : '',
    keySkills: skills,
    hasTest: v.userTestPresent || Boolean(v.test?.hasTests),
    letterRequired: v['@responseLetterRequired'] || v.responseLetterRequired,
    archived: v.archived || Boolean(v.status?.archived),
    externalUrl: v.response_url || null,
    raw,
  };
}

/** `paging.lastPage.page` is the last page's number (0-based, as in `&page=`); without paging, from the count. */
export function pagesOf(paging: Paging, found: number, perPage: number, itemsOnPage: number): number {
  if (paging?.lastPage) return paging.lastPage.page + 1;
  const numbers = (paging?.pages ?? []).map((p) => p.page).filter((p): p is number => typeof p === 'number');
  if (numbers.length) return Math.max(...numbers) + 1;
  return Math.max(itemsOnPage ? 1 : 0, Math.ceil(found / perPage));
}

export function toSearchPage(result: SearchResult, raw: unknown[], query: SearchQuery, site: string): SearchPage {
  const perPage = sitePageSize(query.perPage);
  const found = result.totalResults ?? result.vacancies.length;
  return {
    found,
    pages: pagesOf(result.paging, found, perPage, result.vacancies.length),
    page: query.page,
    perPage,
    items: result.vacancies.map((v, i) => vacancyFromSearch(v, raw[i], site)),
  };
}

// ---------- responses and their states ----------

/** The app's negotiation state ids (as the official API names them). */
export type NegotiationStateId = 'response' | 'invitation' | 'discard' | 'viewed';

/**
 * hh.ru's applicant states (workflowTransition.applicantState, topic.lastState). CONSIDER
 * ("under consideration") means the employer has looked: viewed.
 */
export function stateOfApplicantState(state: string | null | undefined): NegotiationStateId | null {
  const s = (state ?? '').toUpperCase();
  if (!s) return null;
  if (s.startsWith('DISCARD')) return 'discard';
  if (['INVITATION', 'INTERVIEW', 'PHONE_INTERVIEW', 'ASSESSMENT', 'OFFER', 'HIRED'].includes(s)) return 'invitation';
  if (s === 'CONSIDER') return 'viewed';
  if (s === 'RESPONSE') return 'response';
  return null;
}

const NOT_VIEWED = /(^|[^а-яё])не\s+(просмотр|прочитан)/i;

/** The card's status labels, as the notes list them. */
export function stateOfBadge(label: string): NegotiationStateId | null {
  if (/приглаш|собеседован|интервью/i.test(label)) return 'invitation';
  if (/отказ|отклон/i.test(label)) return 'discard';
  if (!NOT_VIEWED.test(label) && /просмотр|прочитан/i.test(label)) return 'viewed';
  return null;
}

export function negotiationState(topic: Topic): { state: NegotiationStateId; viewed: boolean } {
  const fromState = stateOfApplicantState(topic.lastState ?? topic.lastMessage?.workflowTransition?.applicantState);
  const badges = [...(topic.badges ?? []), topic.statusText ?? ''].map(stateOfBadge).filter((s): s is NegotiationStateId => s !== null);
  const viewed = topic.viewedByOpponent || fromState === 'viewed' || badges.includes('viewed');
  const decided = [fromState, ...badges].find((s) => s === 'discard' || s === 'invitation');
  return { state: decided ?? (viewed ? 'viewed' : 'response'), viewed: viewed || Boolean(decided) };
}

export function toNegotiation(topic: Topic): Negotiation {
  const { state, viewed } = negotiationState(topic);
  return {
    id: topic.id,
    state,
    vacancyId: topic.vacancyId ?? null,
    resumeId: topic.resumeId ?? null,
    viewedByOpponent: viewed,
    hasUpdates: topic.hasNewMessages,
    updatedAt: topic.lastModified ?? topic.lastChangeTime ?? topic.lastMessage?.creationTime ?? topic.creationTime ?? null,
  };
}

// ---------- chats ----------

export interface WebsiteChatMessage {
  id: string;
  author: NegotiationMessage['author'];
  text: string;
  createdAt: string | null;
  /** Quick answers the employer's message offers: the reply must be exactly one of them. */
  buttons: string[];
  /** The response state this message moved to (an invitation, a rejection), if it did. */
  state: NegotiationStateId | null;
}

export interface WebsiteChat {
  chatId: string;
  /** The response's state as the chat list says it (2026: the topic resource, else the last message's transition). */
  state: NegotiationStateId | null;
  /** The vacancy as chatik describes it beside the chat (2026), for responses made outside the app. */
  vacancy: { title: string | null; employer: string | null } | null;
  /** The response (topic) this chat belongs to; the app's negotiation id. */
  negotiationId: string | null;
  vacancyId: string | null;
  resumeId: string | null;
  unread: number;
  lastActivityAt: string | null;
  lastMessage: WebsiteChatMessage | null;
}

export function toChatMessage(m: ChatMessageItem, me: string | null): WebsiteChatMessage {
  const author = me && m.participantId === me ? 'me' : m.participantDisplay?.isBot ? 'bot' : 'employer';
  return {
    id: m.id,
    author,
    text: m.text ?? '',
    createdAt: m.creationTime ?? null,
    buttons: (m.actions?.text_buttons ?? []).map((b) => b.text),
    state: stateOfApplicantState(m.workflowTransition?.applicantState),
  };
}

export function toChat(item: ChatItem, me: string | null, resources: ChatSideResources = null): WebsiteChat {
  const negotiationId = item.resources?.NEGOTIATION_TOPIC?.[0] ?? item.lastMessage?.workflowTransition?.topicId ?? null;
  const vacancyId = item.resources?.VACANCY?.[0] ?? null;
  const lastMessage = item.lastMessage ? toChatMessage(item.lastMessage, item.currentParticipantId ?? me) : null;
  const topic = negotiationId ? resources?.negotiation_topics?.[negotiationId] : undefined;
  const vacancy = vacancyId ? resources?.vacancies?.[vacancyId] : undefined;
  return {
    chatId: item.id,
    state: stateOfApplicantState(topic?.currentApplicantState) ?? lastMessage?.state ?? null,
    vacancy: vacancy ? { title: vacancy.name ?? null, employer: vacancy.company?.visibleName ?? vacancy.company?.name ?? null } : null,
    negotiationId,
    vacancyId,
    resumeId: item.resources?.RESUME?.[0] ?? null,
    unread: item.unreadCount ?? 0,
    lastActivityAt: item.lastActivityTime ?? item.lastMessage?.creationTime ?? null,
    lastMessage,
  };
}

/**
 * A response as its chat tells it, for responses hh.ru no longer lists: since 2026 rejected
 * responses move to a hidden group and may vanish from the responses list, while the chat list
 * still says DISCARD.
 */
export const negotiationFromChat = (chat: WebsiteChat): Negotiation | null =>
  chat.negotiationId && chat.state
    ? {
        id: chat.negotiationId,
        state: chat.state,
        vacancyId: chat.vacancyId,
        resumeId: chat.resumeId,
        viewedByOpponent: chat.state !== 'response',
        hasUpdates: chat.unread > 0,
        updatedAt: chat.lastActivityAt,
      }
    : null;

/** The responses list with what the chat list adds: rejections hh.ru moved out of the list, and a rejection the list does not show yet. */
export function withChatStates(listed: Negotiation[], chats: WebsiteChat[]): Negotiation[] {
  const items = listed.map((n) => ({ ...n }));
  const byId = new Map(items.map((n) => [n.id, n]));
  for (const chat of chats) {
    if (chat.state !== 'discard') continue;
    const known = chat.negotiationId ? byId.get(chat.negotiationId) : undefined;
    if (known) {
      known.state = 'discard';
      known.viewedByOpponent = true;
      continue;
    }
    const fromChat = negotiationFromChat(chat);
    if (fromChat) {
      items.push(fromChat);
      byId.set(fromChat.id, fromChat);
    }
  }
  return items;
}

export const toNegotiationMessage = (m: WebsiteChatMessage): NegotiationMessage => ({
  id: m.id,
  author: m.author,
  text: m.text,
  createdAt: m.createdAt,
  buttons: m.buttons,
});
