import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hhResumeSchema, negotiationSchema, vacancyFactsSchema } from '../../../../shared/domain';
import { resumeFactsSchema } from '../../../../shared/contract/channels/hh';
import { resumeFacts } from '../../../../main/core/ai/text/resume-facts';
import { readApplyAnswer } from '../../../../main/core/hh/website/apply';
import { appliedOnHh, closedOnHh, salaryModeOf } from '../../../../main/core/hh/relations';
import {
  toAccount,
  toChat,
  toChatMessage,
  toNegotiation,
  toResume,
  toSearchPage,
  userIdOf,
  vacancyFromView,
  withChatStates,
} from '../../../../main/core/hh/website/mappers';
import { extractNamedStates, extractPageState, RESUME_PROFILE_STATE } from '../../../../main/core/hh/website/page-state';
import {
  parseChatData,
  parseChatList,
  parseNegotiationsPage,
  parseProfilePage,
  parseResumeListPage,
  parseSearchPage,
  parseVacancyPage,
} from '../../../../main/core/hh/website/parsers';
import { parseResumePage } from '../../../../main/core/hh/website/resume-page';
import { searchFiltersSchema } from '../../../../shared/domain';

/**
 * Every fixture of hh.ru's pages, 2026 and older side by side, through the parsers and the mappers to
 * the contract's schemas (test/fixtures/hh-site/README.md says what each follows).
 */

const SITE = 'https://hh.ru';
const URL_ = 'https://hh.ru/page';
const dir = new URL('../../../fixtures/hh-site/', import.meta.url);
const raw = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const json = (name: string) => JSON.parse(raw(name)) as Record<string, unknown>;
const html = (name: string) => ({
  state: extractPageState(raw(name), URL_),
  widgets: extractNamedStates(raw(name), URL_, RESUME_PROFILE_STATE),
});
const query = { filters: searchFiltersSchema.parse({ text: 'python' }), page: 0, perPage: 20 };

describe('fixtures of hh.ru pages', () => {
  it('every fixture is listed in the README with what it follows', () => {
    const readme = raw('README.md');
    const files = readdirSync(dir).filter((name) => name !== 'README.md');
    expect(files.length).toBeGreaterThanOrEqual(18);
    for (const name of files) expect(readme, name).toContain(`\`${name}\``);
  });

  describe('resume list', () => {
    it('2026 /applicant/my_resumes: the owner id on each resume, statuses, and what may be raised', () => {
      const page = parseResumeListPage(json('resume-list.2026.json'), URL_, '2026');
      expect(page).toMatchObject({ userId: '61234598', account: null, shape: '2026' });
      const resumes = page.resumes.map((item) => hhResumeSchema.parse(toResume(item, SITE)));
      expect(resumes.map((r) => [r.id, r.title, r.status, r.canPublish])).toEqual([
        ['300400500', 'Backend-разработчик (Python)', 'modified', true],
        ['300400501', 'Тимлид', 'not_finished', false],
        ['300400502', 'Data engineer', 'approved', false],
      ]);
      expect(resumes[2]!.nextPublishAt).toBe(new Date(1775014400000).toISOString());
    });

    it("older /applicant/resumes: the account and the notifications' user id", () => {
      const page = parseResumeListPage(json('resume-list.older.json'), URL_, 'older');
      expect(toAccount(page.account!, userIdOf(page)!)).toEqual({
        id: '51234567',
        firstName: 'Анна',
        lastName: 'Иванова',
        email: 'anna@example.ru',
      });
    });

    it('2026 /applicant/profile/me: the account from the main state, the list and the user id from the resume front end', () => {
      const { state, widgets } = html('profile.2026.html');
      expect(widgets).toHaveLength(2);
      const page = parseProfilePage(state, widgets, URL_);
      expect(page.account).toEqual({ firstName: 'Олег', lastName: 'Сидоров', email: 'oleg.s@example.ru' });
      expect(page.userId).toBe('61234598');
      const [resume] = page.resumes.map((item) => hhResumeSchema.parse(toResume(item, SITE)));
      expect(resume).toMatchObject({
        id: '300400500',
        title: 'Backend-разработчик (Python)',
        canPublish: false,
        nextPublishAt: new Date(1775014400000).toISOString(),
      });
    });
  });

  describe('the resume in full, as letters read it', () => {
    it('2026 applicantResume: experience with company, position, dates and description; education; skills; about; languages', () => {
      const { state, widgets } = { state: json('resume.2026.json'), widgets: [] };
      const resume = parseResumePage(state, widgets, URL_);
      expect(resume.source).toEqual({ transport: 'website', shape: '2026', key: 'applicantResume' });
      const facts = resumeFactsSchema.parse(resumeFacts({ title: '', raw: resume }));
      expect(facts).toMatchObject({
        title: 'Backend-разработчик (Python)',
        about: 'Строю надёжные сервисы и люблю понятный код. Наставник для двух джунов.',
        totalMonths: 74,
        skills: ['Python', 'Django', 'PostgreSQL', 'FastAPI', 'Kafka'],
        languages: ['Английский — B2 — Средне-продвинутый'],
        education: ['Уральский федеральный университет, Институт радиоэлектроники, Информатика, 2019'],
      });
      expect(facts.experience).toEqual([
        {
          company: 'ООО «Северный Ветер»',
          position: 'Ведущий Python-разработчик',
          start: '2022-03',
          end: '',
          description: '- Перевёл биллинг на асинхронный стек: 1200 платежей в секунду\n- Сократил время ответа API на 41%',
        },
        {
          company: 'Лаборатория Луч',
          position: 'Python-разработчик',
          start: '2019-09',
          end: '2022-02',
          description: 'Писал сервисы отчётов на Django & Celery.',
        },
      ]);
    });

    it("2026 editing pages: the ResumeProfileFront template's scheme.resume", () => {
      const { state, widgets } = html('resume-profile-front.2026.html');
      const resume = parseResumePage(state, widgets, URL_);
      expect(resume.source.key).toBe('ResumeProfileFront-InitialState');
      expect(resumeFacts({ title: '', raw: resume })).toMatchObject({
        title: 'Data engineer',
        skills: ['Airflow', 'ClickHouse'],
        experience: [{ company: 'АО Поток Данных', start: '2021-01' }],
      });
    });

    it('older resume key: plain values', () => {
      const resume = parseResumePage(json('resume.older.json'), [], URL_);
      expect(resume.source.shape).toBe('older');
      expect(resumeFacts({ title: '', raw: resume })).toMatchObject({
        title: 'Frontend-разработчик',
        about: 'Делаю быстрые интерфейсы.',
        totalMonths: 50,
        experience: [{ company: 'Студия Контур', start: '2021-06', description: 'Вёл дизайн-систему' }],
      });
    });

    it('a page whose resume sits under an unknown key is a changed page, not an empty resume', () => {
      const { applicantResume, ...rest } = json('resume.2026.json');
      expect(() => parseResumePage({ ...rest, applicantResumeV2: applicantResume }, [], URL_)).toThrow(
        expect.objectContaining({ code: 'hh_page_changed' }),
      );
    });
  });

  describe('search', () => {
    it('2026: applied marks from userLabelsForVacancies, closedForApplicants, and the salary mode', () => {
      const { result, raw: cards, shape } = parseSearchPage(json('search.2026.json'), URL_);
      expect(shape).toBe('2026');
      const items = toSearchPage(result, cards, query, SITE).items.map((v) => vacancyFactsSchema.parse(v));
      expect(items.map((v) => [v.hhId, appliedOnHh(v.raw), closedOnHh(v.raw), salaryModeOf(v.raw)])).toEqual([
        ['130000001', true, false, 'month'],
        ['130000002', false, false, 'hour'],
        ['130000003', false, true, 'month'],
      ]);
      expect(items[0]).toMatchObject({ area: { id: '88', name: 'Казань' }, salary: { from: 250000, to: 320000, currency: 'RUR' } });
    });

    it("older: the card's own userLabels", () => {
      const { result, raw: cards, shape } = parseSearchPage(json('search.older.json'), URL_);
      expect(shape).toBe('older');
      const items = toSearchPage(result, cards, query, SITE).items.map((v) => vacancyFactsSchema.parse(v));
      expect(items.map((v) => appliedOnHh(v.raw))).toEqual([false, true]);
    });

    it('the escaped page reads the same', () => {
      const { result } = parseSearchPage(extractPageState(raw('escaped-search.html'), URL_), URL_);
      expect(result.vacancies.length).toBeGreaterThan(0);
    });
  });

  describe('vacancy page', () => {
    it('2026 vacancyFull: description, skills, and "applied" from applicantVacancyResponseStatuses (alreadyApplied stays false)', () => {
      const { view, raw: card, shape } = parseVacancyPage(json('vacancy.2026.json'), URL_);
      expect(shape).toBe('2026');
      const facts = vacancyFactsSchema.parse(vacancyFromView(view, card, '130000001', SITE));
      expect(facts).toMatchObject({
        hhId: '130000001',
        keySkills: ['Python', 'FastAPI', 'PostgreSQL'],
        area: { id: '88', name: 'Казань' },
        publishedAt: '2026-09-20T09:00:00.000+03:00',
      });
      expect(facts.descriptionText).toContain('В отклике укажите ожидания по зарплате.');
      expect(appliedOnHh(facts.raw)).toBe(true);
      expect(closedOnHh(facts.raw)).toBe(false);
    });

    it('2026: closedForApplicants or an inactive status is closed', () => {
      const state = json('vacancy.2026.json');
      const vacancy = (state.vacancyView as Record<string, Record<string, unknown>>).vacancyFull!.vacancy as Record<string, unknown>;
      vacancy.closedForApplicants = true;
      expect(closedOnHh(parseVacancyPage(state, URL_).raw)).toBe(true);
      vacancy.closedForApplicants = false;
      vacancy.status = { active: false, archived: false };
      expect(closedOnHh(parseVacancyPage(state, URL_).raw)).toBe(true);
    });

    it('older vacancyView: no marks, open', () => {
      const { view, raw: card, shape } = parseVacancyPage(json('vacancy.older.json'), URL_);
      expect(shape).toBe('older');
      const facts = vacancyFactsSchema.parse(vacancyFromView(view, card, '120000001', SITE));
      expect([appliedOnHh(facts.raw), closedOnHh(facts.raw)]).toEqual([false, false]);
    });
  });

  describe('responses and chats', () => {
    it('2026: a rejection missing from the responses list comes from the chat list', () => {
      const listed = parseNegotiationsPage(json('negotiations.2026.json'), URL_).topicList.map(toNegotiation);
      expect(listed.map((n) => [n.id, n.state])).toEqual([
        ['5000000002', 'invitation'],
        ['5000000001', 'response'],
      ]);
      const chats = parseChatList(json('chats.2026.json'), URL_);
      expect(chats).toMatchObject({ hasNextPage: false, page: 0, pages: 1 });
      const items = chats.items.map((item) => toChat(item, null, chats.resources));
      expect(items[0]).toMatchObject({ state: 'discard', vacancy: { title: 'Python-разработчик в финтех', employer: 'Сосна' } });
      const merged = withChatStates(listed, items).map((n) => negotiationSchema.parse(n));
      expect(merged.map((n) => [n.id, n.state, n.vacancyId])).toEqual([
        ['5000000002', 'invitation', '130000004'],
        ['5000000001', 'response', '130000001'],
        ['5000000003', 'discard', '130000005'],
      ]);
    });

    it('older: states from lastState and the last message', () => {
      const listed = parseNegotiationsPage(json('negotiations.older.json'), URL_).topicList.map((t) =>
        negotiationSchema.parse(toNegotiation(t)),
      );
      expect(listed.find((n) => n.id === '4000000004')!.state).toBe('discard');
      const chats = parseChatList(json('chats.older.json'), URL_);
      expect(chats.items.map((item) => toChat(item, '51234567', chats.resources).state)).toEqual([null, 'discard']);
    });

    it("2026 chat_data: a chat closed by a rejection, its state, and the user's own messages", () => {
      const data = parseChatData(json('chat-data.2026.json'), URL_);
      expect(data.chatStates?.writeMessageState?.allowed).toBe(false);
      expect(data.resources?.negotiation_topics?.['5000000003']?.currentApplicantState).toBe('DISCARD');
      expect(data.chat.messages.items.map((m) => toChatMessage(m, data.chat.currentParticipantId ?? null).author)).toEqual([
        'me',
        'employer',
      ]);
    });

    it('older chat_data', () => {
      const data = parseChatData(json('chat-data.older.json'), URL_);
      expect(data.chat.messages.items.length).toBe(3);
    });
  });

  describe('apply answers', () => {
    const answers = json('apply-answers.json') as Record<string, unknown>;
    const context = { url: URL_, vacancyUrl: `${SITE}/vacancy/1` };
    it('success in both shapes gives the response and the chat', () => {
      expect(readApplyAnswer(200, answers['success.2026'], context)).toEqual({
        outcome: { kind: 'applied', negotiationId: '5000000009' },
        chatId: '3100000009',
      });
      expect(readApplyAnswer(200, answers['success.older'], context)).toEqual({
        outcome: { kind: 'applied', negotiationId: '4000000009' },
        chatId: '3000000009',
      });
    });
    it('refusals', () => {
      expect(() => readApplyAnswer(400, answers.limit, context)).toThrow(expect.objectContaining({ code: 'hh_limit_exceeded' }));
      expect(() => readApplyAnswer(400, answers.test, context)).toThrow(expect.objectContaining({ code: 'hh_needs_manual' }));
      expect(() => readApplyAnswer(400, answers['unknown.2026'], context)).toThrow(expect.objectContaining({ code: 'hh_bad_request' }));
    });
  });
});
