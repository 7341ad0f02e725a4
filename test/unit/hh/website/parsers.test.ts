import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vacancyFactsSchema, hhResumeSchema, negotiationSchema } from '../../../../shared/domain';
import type { HhError } from '../../../../main/core/hh/errors';
import { readApplyAnswer } from '../../../../main/core/hh/website/apply';
import {
  negotiationState,
  stateOfBadge,
  toAccount,
  toChat,
  toChatMessage,
  toNegotiation,
  toResume,
  toSearchPage,
  userIdOf,
  vacancyFromView,
} from '../../../../main/core/hh/website/mappers';
import {
  parseResumeListPage,
  parseChatData,
  parseChatList,
  parseNegotiationsPage,
  parseSearchPage,
  parseVacancyPage,
} from '../../../../main/core/hh/website/parsers';
import { searchQueryWords } from '../../../../main/core/hh/website/requests';
import { searchFiltersSchema } from '../../../../shared/domain';

const SITE = 'https://hh.ru';
const URL_ = 'https://hh.ru/some/page';
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/hh-site/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const query = (perPage = 50) => ({ filters: searchFiltersSchema.parse({ text: 'frontend' }), page: 0, perPage });

const changed = (run: () => unknown): HhError => {
  try {
    run();
  } catch (err) {
    expect((err as HhError).code).toBe('hh_page_changed');
    expect((err as HhError).details?.url).toBe(URL_);
    return err as HhError;
  }
  throw new Error('expected hh_page_changed');
};

describe('resume list (older /applicant/resumes)', () => {
  it('gives the account, the chat participant id, and resumes by id and hash', () => {
    const page = parseResumeListPage(fixture('resume-list.older.json'), URL_, 'older');
    expect(userIdOf(page)).toBe('51234567');
    expect(toAccount(page.account!, '51234567')).toEqual({
      id: '51234567',
      firstName: 'Анна',
      lastName: 'Иванова',
      email: 'anna@example.ru',
    });
    const resumes = page.resumes.map((r) => toResume(r, SITE));
    expect(resumes.map((r) => hhResumeSchema.parse(r))).toEqual([
      {
        id: '100200300',
        hash: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d',
        title: 'Frontend-разработчик',
        status: 'published',
        canPublish: true,
        nextPublishAt: null,
        url: `${SITE}/resume/0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d`,
      },
      {
        id: '100200301',
        hash: 'aa11bb22cc33dd44ee55ff6677889900aabbcc',
        title: 'Python developer',
        status: 'not_published',
        canPublish: false,
        nextPublishAt: null,
        url: `${SITE}/resume/aa11bb22cc33dd44ee55ff6677889900aabbcc`,
      },
    ]);
    expect(page.chatikOrigin).toBe('https://chatik.hh.ru');
  });

  it('takes the participant id only from explicit fields, never from the first userId anywhere in the page', () => {
    const { userNotifications: _n, ...rest } = fixture('resume-list.older.json');
    expect(userIdOf(parseResumeListPage(rest, URL_, 'older'))).toBe('51234567');
    const account = { ...(rest.account as object), userId: undefined };
    expect(
      userIdOf(
        parseResumeListPage({ ...rest, account, userNotifications: [], header: { menu: { user: { userId: 777 } } } }, URL_, 'older'),
      ),
    ).toBeNull();
  });

  it('renamed keys are a changed page that names the key', () => {
    const { applicantResumes, ...rest } = fixture('resume-list.older.json');
    const err = changed(() => parseResumeListPage({ ...rest, applicantResumesList: applicantResumes }, URL_, 'older'));
    expect(err.message).toContain('applicantResumes');
    changed(() =>
      parseResumeListPage({ ...fixture('resume-list.older.json'), applicantResumes: [{ _attributes: { id: '1' } }] }, URL_, 'older'),
    );
  });
});

describe('search page', () => {
  it('maps cards to vacancy facts with what the list has, and pages from paging.lastPage', () => {
    const { result, raw } = parseSearchPage(fixture('search.older.json'), URL_);
    const page = toSearchPage(result, raw, query(), SITE);
    expect(page).toMatchObject({ found: 1234, pages: 25, page: 0, perPage: 50 });
    const [first, second] = page.items.map((item) => vacancyFactsSchema.parse(item));
    expect(first).toMatchObject({
      hhId: '120000001',
      title: 'Frontend-разработчик (React)',
      employer: { id: '9000', name: 'Ромашка' },
      salary: { from: 200000, to: 300000, currency: 'RUR', gross: false },
      area: { id: '1', name: 'Москва' },
      url: 'https://hh.ru/vacancy/120000001',
      publishedAt: '2026-03-02T09:00:00+03:00',
      descriptionHtml: '',
      letterRequired: true,
      hasTest: false,
      externalUrl: null,
    });
    expect(first!.raw).toMatchObject({ '@workSchedule': 'remote' });
    expect(second).toMatchObject({
      hhId: '120000002',
      salary: null,
      hasTest: true,
      externalUrl: 'https://careers.example.com/jobs/2',
      area: { id: '2' },
    });
  });

  it('without paging (one page) the count decides', () => {
    const state = fixture('search.older.json');
    (state.vacancySearchResult as Record<string, unknown>).paging = null;
    (state.vacancySearchResult as Record<string, unknown>).totalResults = 2;
    const { result, raw } = parseSearchPage(state, URL_);
    expect(toSearchPage(result, raw, query(), SITE).pages).toBe(1);
  });

  it('a renamed result block or a card without its id is a changed page, never "found nothing"', () => {
    changed(() => parseSearchPage({ vacancySearchResults: fixture('search.older.json').vacancySearchResult }, URL_));
    const state = fixture('search.older.json');
    ((state.vacancySearchResult as Record<string, unknown>).vacancies as Record<string, unknown>[])[0]!.vacancyId = undefined;
    expect(changed(() => parseSearchPage(state, URL_)).message).toContain('vacancies.0.vacancyId');
  });

  it("uses the API query words, with the site's own page size and period words", () => {
    const words = searchQueryWords(
      { filters: searchFiltersSchema.parse({ text: 'go', areas: ['1', '2'], periodDays: 3 }), page: 2, perPage: 30 },
      'abc',
    );
    expect(words).toMatchObject({
      text: 'go',
      area: ['1', '2'],
      search_period: 3,
      items_on_page: 50,
      page: 2,
      resume: 'abc',
      order_by: 'publication_time',
    });
    expect(words).not.toHaveProperty('per_page');
  });
});

describe('vacancy page', () => {
  it('reads vacancyView with its description, skills and flags', () => {
    const { view, raw } = parseVacancyPage(fixture('vacancy.older.json'), URL_);
    const facts = vacancyFactsSchema.parse(vacancyFromView(view, raw, '120000001', SITE));
    expect(facts).toMatchObject({
      hhId: '120000001',
      descriptionHtml: '<p>Мы ищем &quot;сильного&quot; коллегу.</p><ul><li>React</li><li>TypeScript &amp; тесты</li></ul>',
      keySkills: ['React', 'TypeScript'],
      hasTest: true,
      archived: false,
      salary: { from: 200000, to: null, currency: 'RUR', gross: true },
      url: 'https://hh.ru/vacancy/120000001',
    });
    expect(facts.descriptionText).toContain('Мы ищем "сильного" коллегу.');
    expect(facts.descriptionText).toContain('- TypeScript & тесты');
  });

  it('also reads the card nested as vacancyView.vacancyFull.vacancy', () => {
    const { view } = parseVacancyPage(
      { vacancyView: { vacancyFull: { vacancy: fixture('vacancy.older.json').vacancyView as object } } },
      URL_,
    );
    expect(view.name).toBe('Frontend-разработчик (React)');
  });

  it('a missing description is a changed page', () => {
    const state = fixture('vacancy.older.json');
    delete (state.vacancyView as Record<string, unknown>).description;
    expect(changed(() => parseVacancyPage(state, URL_)).message).toContain('description');
  });
});

describe('responses page', () => {
  it('maps states from lastState and the badge texts', () => {
    const list = parseNegotiationsPage(fixture('negotiations.older.json'), URL_);
    const items = list.topicList.map((t) => negotiationSchema.parse(toNegotiation(t)));
    expect(items.map((n) => [n.id, n.state, n.viewedByOpponent])).toEqual([
      ['4000000005', 'invitation', true],
      ['4000000004', 'discard', true],
      ['4000000003', 'viewed', true],
      ['4000000002', 'response', false],
      ['4000000001', 'invitation', true],
    ]);
    expect(items[0]).toMatchObject({
      vacancyId: '120000005',
      resumeId: '100200300',
      hasUpdates: true,
      updatedAt: '2026-03-02T10:00:00+03:00',
    });
    expect(items[2]!.updatedAt).toBe(new Date(1772300000000).toISOString());
  });

  it('reads badge words, including "not viewed"', () => {
    expect(stateOfBadge('Приглашение')).toBe('invitation');
    expect(stateOfBadge('Собеседование')).toBe('invitation');
    expect(stateOfBadge('Отказ')).toBe('discard');
    expect(stateOfBadge('Резюме отклонено')).toBe('discard');
    expect(stateOfBadge('Просмотрен')).toBe('viewed');
    expect(stateOfBadge('Прочитано')).toBe('viewed');
    expect(stateOfBadge('Не просмотрен')).toBeNull();
    expect(negotiationState({ id: '1', lastState: 'CONSIDER', hasNewMessages: false, viewedByOpponent: false } as never)).toEqual({
      state: 'viewed',
      viewed: true,
    });
    expect(
      negotiationState({
        id: '1',
        lastMessage: { id: '2', workflowTransition: { applicantState: 'DISCARD_BY_EMPLOYER' } },
        hasNewMessages: false,
        viewedByOpponent: false,
      } as never).state,
    ).toBe('discard');
  });

  it('a renamed topic list is a changed page', () => {
    changed(() => parseNegotiationsPage({ applicantNegotiations: { topics: [] } }, URL_));
  });
});

describe('chats', () => {
  it('the list gives each chat its response, vacancy and last message with its buttons', () => {
    const list = parseChatList(fixture('chats.older.json'), URL_);
    const [first, second] = list.items.map((item) => toChat(item, '51234567'));
    expect(list).toMatchObject({ page: 0, pages: 3 });
    expect(first).toEqual({
      chatId: '3000000005',
      state: null,
      vacancy: null,
      negotiationId: '4000000005',
      vacancyId: '120000005',
      resumeId: '100200300',
      unread: 1,
      lastActivityAt: '2026-03-02T10:00:00.000+03:00',
      lastMessage: {
        id: '70000010',
        author: 'bot',
        text: 'Готовы работать из офиса два дня в неделю?',
        createdAt: '2026-03-02T10:00:00.000+03:00',
        buttons: ['Да', 'Нет'],
        state: null,
      },
    });
    expect(second!.lastMessage).toMatchObject({ author: 'employer', state: 'discard', buttons: [] });
  });

  it('chat_data gives messages with their authors, buttons and states', () => {
    const data = parseChatData(fixture('chat-data.older.json'), URL_);
    const messages = data.chat.messages.items.map((m) => toChatMessage(m, data.chat.currentParticipantId ?? null));
    expect(messages.map((m) => [m.author, m.buttons, m.state])).toEqual([
      ['me', [], 'response'],
      ['bot', ['Да', 'Нет'], null],
      ['employer', [], 'invitation'],
    ]);
    expect(data.chatStates?.writeMessageState?.allowed).toBe(true);
  });

  it('renamed blocks are changed pages', () => {
    changed(() => parseChatList({ chatsList: fixture('chats.older.json').chats }, URL_));
    changed(() => parseChatData({ chat: { id: 1, messages: { list: [] } } }, URL_));
  });
});

describe('apply answers', () => {
  const context = { url: URL_, vacancyUrl: 'https://hh.ru/vacancy/1' };
  const refused = (body: unknown, status = 400) => {
    try {
      readApplyAnswer(status, body, context);
    } catch (err) {
      return err as HhError;
    }
    throw new Error('expected a refusal');
  };

  it('success gives the response (topic) id and the chat id', () => {
    expect(readApplyAnswer(200, { success: 'true', topic_id: 4000000001, chat_id: 3000000001, vacancy_id: 1 }, context)).toEqual({
      outcome: { kind: 'applied', negotiationId: '4000000001' },
      chatId: '3000000001',
    });
  });

  it("each error word becomes the app's error", () => {
    expect(refused({ error: 'negotiations-limit-exceeded' })).toMatchObject({
      code: 'hh_limit_exceeded',
      retryable: true,
      next: { kind: 'retry_later' },
    });
    expect(refused({ error: 'test-required' })).toMatchObject({
      code: 'hh_needs_manual',
      details: { reason: 'test_required' },
      next: { kind: 'open_in_browser', url: 'https://hh.ru/vacancy/1' },
    });
    expect(refused({ error: 'alreadyApplied' })).toMatchObject({ code: 'hh_already_applied' });
    expect(refused({ error: 'letter-required' })).toMatchObject({ code: 'hh_needs_manual', details: { reason: 'letter_required' } });
    expect(refused({ error: 'vacancy-archived' })).toMatchObject({ code: 'hh_vacancy_gone' });
    // The transport reads the vacancy page after this to tell a wrong resume from a missing vacancy (website-2026 integration test).
    expect(refused({ error: 'unknown' })).toMatchObject({ code: 'hh_bad_request', details: { reason: 'unknown' } });
    expect(refused({ something: 'else' }, 200)).toMatchObject({ code: 'hh_page_changed' });
  });
});
