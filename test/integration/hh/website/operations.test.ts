import { afterEach, describe, expect, it } from 'vitest';
import { hhAccountSchema, hhResumeSchema, negotiationSchema, vacancyFactsSchema } from '../../../../shared/domain';
import { hhOperations } from '../../../../shared/domain';
import { SIGN_IN_REASON, WebsiteTransport } from '../../../../main/core/hh/website';
import { searchQuery, startSiteWorld, type SiteWorld } from './harness';

let world: SiteWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const routes = (w: SiteWorld) => w.site.requests.map((r) => r.route);
const firstResume = (w: SiteWorld) => w.site.user.resumes[0]!;
const plainVacancy = (w: SiteWorld) => w.site.addVacancy({ name: 'Plain vacancy', hasTest: false, letterRequired: false });

describe('capabilities', () => {
  it('signed in: every operation but dictionaries and areas, learned with one request', async () => {
    world = await startSiteWorld();
    const reasons = await Promise.all(hhOperations.map(async (op) => [op, await world!.transport.unavailableReason(op)] as const));
    expect(reasons.filter(([, reason]) => reason !== null).map(([op]) => op)).toEqual(['dictionaries', 'areas']);
    expect(routes(world)).toEqual(['GET /applicant/my_resumes']);
  });

  it('signed out: public pages only, and the reason tells the user to sign in', async () => {
    world = await startSiteWorld({ signedIn: false });
    expect(await world.transport.unavailableReason('apply')).toBe(SIGN_IN_REASON);
    expect(await world.transport.unavailableReason('negotiations')).toBe(SIGN_IN_REASON);
    expect(await world.transport.unavailableReason('searchVacancies')).toBeNull();
    expect(await world.transport.unavailableReason('vacancy')).toBeNull();
    // Remembered: no second probe within the TTL.
    await world.transport.unavailableReason('sendMessage');
    expect(world.site.requests.filter((r) => r.route === 'GET /applicant/my_resumes')).toHaveLength(1);
  });
});

describe('identity and resumes', () => {
  const identityRoutes = {
    // 2026: the list at /applicant/my_resumes (the user id on each resume), the names on the profile page.
    '2026': ['GET /applicant/my_resumes', 'GET /applicant/profile/me'],
    // Older accounts: no /applicant/my_resumes; /applicant/resumes has it all.
    older: ['GET /applicant/my_resumes', 'GET /applicant/resumes'],
  } as const;
  for (const shape of ['2026', 'older'] as const) {
    it(`me and resumes (${shape} pages): every resume, the account and the user id`, async () => {
      world = await startSiteWorld({ site: { shape } });
      const me = hhAccountSchema.parse(await world.transport.me());
      const resumes = (await world.transport.resumes()).map((r) => hhResumeSchema.parse(r));
      expect(me).toEqual({ id: world.site.user.id, firstName: 'Анна', lastName: 'Иванова', email: 'anna@example.ru' });
      expect(resumes.map((r) => [r.id, r.hash, r.title])).toEqual(world.site.user.resumes.map((r) => [r.id, r.hash, r.title]));
      expect(routes(world)).toEqual(identityRoutes[shape]);
    });
  }

  it('2026, without /applicant/my_resumes: /applicant/resumes redirects to the profile, which is signed in and lists the resumes', async () => {
    world = await startSiteWorld();
    world.site.failNext('GET /applicant/my_resumes', {
      status: 404,
      body: '<html><body>404</body></html>',
      headers: { 'content-type': 'text/html' },
    });
    expect(await world.transport.isSignedIn({ fresh: true })).toBe(true);
    expect((await world.transport.resumes()).map((r) => r.id)).toEqual(world.site.user.resumes.map((r) => r.id));
    expect(routes(world)).toEqual(['GET /applicant/my_resumes', 'GET /applicant/resumes', 'GET /applicant/profile/me']);
  });

  it('a resume list under an unknown key is a changed page, never "no resumes"', async () => {
    world = await startSiteWorld();
    world.site.setLayout('renamed');
    await expect(world.transport.resumes()).rejects.toMatchObject({ code: 'hh_page_changed' });
  });

  for (const shape of ['2026', 'older'] as const) {
    it(`resume() (${shape} page) finds the hash for an id (or takes the hash) and reads the resume in full`, async () => {
      world = await startSiteWorld({ site: { shape } });
      const resume = firstResume(world);
      const full = await world.transport.resume(resume.id);
      expect(full).toMatchObject({ hash: resume.hash, title: resume.title, skills: resume.about, source: { shape } });
      expect(full.experience[0]).toMatchObject({
        company: 'ООО «Пиксель Плюс»',
        position: 'Frontend-разработчик',
        start: '2021-03-01',
        end: null,
      });
      expect(full.experience[0]!.description).toContain('конверсия выросла на 12%');
      expect(await world.transport.resume(resume.hash)).toMatchObject({ id: resume.id });
      expect(world.site.requests.filter((r) => r.route === 'GET /resume/{hash}').map((r) => r.path)).toEqual([
        `/resume/${resume.hash}`,
        `/resume/${resume.hash}`,
      ]);
      await expect(world.transport.resume('no-such-resume')).rejects.toMatchObject({ code: 'hh_resume_problem' });
    });
  }

  it('a resume page the app does not understand is hh_resume_unreadable, not a closed vacancy', async () => {
    world = await startSiteWorld();
    const resume = firstResume(world);
    await world.transport.resumes();
    world.site.setLayout('renamed');
    await expect(world.transport.resume(resume.id)).rejects.toMatchObject({
      code: 'hh_resume_unreadable',
      details: { reason: 'page_changed' },
    });
  });
});

describe('vacancies', () => {
  for (const escapeState of [true, false]) {
    it(`search reads the ${escapeState ? 'escaped' : 'raw'} page state into vacancy facts`, async () => {
      world = await startSiteWorld({ site: { escapeState, vacancies: 45 } });
      const page = await world.transport.searchVacancies(searchQuery('', 20, 1));
      expect(page).toMatchObject({ found: 45, pages: 3, page: 1, perPage: 20 });
      expect(page.items).toHaveLength(20);
      const facts = page.items.map((item) => vacancyFactsSchema.parse(item));
      const expected = world.site
        .vacancies()
        .sort((a, b) => b.publishedAt - a.publishedAt)
        .slice(20, 40);
      expect(facts.map((f) => f.hhId)).toEqual(expected.map((v) => v.id));
      expect(facts[0]).toMatchObject({
        title: expected[0]!.name,
        employer: { id: expected[0]!.employerId, name: expected[0]!.employerName },
        url: `${world.site.url}/vacancy/${expected[0]!.id}`,
      });
      const query = world.site.requests.at(-1)!.query;
      expect(Object.fromEntries(query)).toMatchObject({ page: '1', items_on_page: '20', order_by: 'publication_time' });
    });

    it(`vacancy() reads the ${escapeState ? 'escaped' : 'raw'} vacancy page with its description as the site wrote it`, async () => {
      world = await startSiteWorld({ site: { escapeState } });
      const source = world.site.vacancies()[3]!;
      const facts = vacancyFactsSchema.parse(await world.transport.vacancy(source.id));
      expect(facts).toMatchObject({
        hhId: source.id,
        title: source.name,
        descriptionHtml: source.descriptionHtml,
        keySkills: source.keySkills,
        hasTest: source.hasTest,
      });
      expect(facts.descriptionText).toContain('Мы ищем "сильного" коллегу & наставника.');
    });
  }

  it("search filters travel as the API's query words", async () => {
    world = await startSiteWorld();
    const q = searchQuery('python', 50);
    q.filters.areas = ['2'];
    const page = await world.transport.searchVacancies(q);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((v) => v.title.toLowerCase().includes('python') && v.area.id === '2')).toBe(true);
    const sent = world.site.requests.at(-1)!.query;
    expect(sent.get('text')).toBe('python');
    expect(sent.getAll('area')).toEqual(['2']);
    expect(sent.get('items_on_page')).toBe('50');
  });

  it("similarVacancies asks the search page with the resume's hash", async () => {
    world = await startSiteWorld();
    const resume = firstResume(world);
    const page = await world.transport.similarVacancies(resume.id, searchQuery('', 20));
    expect(page.items.length).toBe(20);
    expect(world.site.requests.at(-1)!.query.get('resume')).toBe(resume.hash);
  });

  it('an unknown vacancy is gone', async () => {
    world = await startSiteWorld();
    await expect(world.transport.vacancy('1')).rejects.toMatchObject({ code: 'hh_vacancy_gone' });
  });
});

describe('applying', () => {
  it("posts the browser's popup form with its headers and gives the response id", async () => {
    world = await startSiteWorld();
    const vacancy = plainVacancy(world);
    const resume = firstResume(world);
    const outcome = await world.transport.apply({
      vacancyId: vacancy.id,
      resumeId: resume.id,
      resumeHash: resume.hash,
      message: 'Здравствуйте! Мне интересна вакансия.',
    });
    const application = world.site.applications[0]!;
    expect(outcome).toEqual({ kind: 'applied', negotiationId: application.topicId });
    expect(application.form).toMatchObject({
      vacancy_id: vacancy.id,
      resume_hash: resume.hash,
      letter: 'Здравствуйте! Мне интересна вакансия.',
      ignore_postponed: 'true',
      incomplete: 'false',
      lux: 'true',
      withoutTest: 'no',
      mark_applicant_visible_in_vacancy_country: 'false',
    });
    const post = world.site.requests.find((r) => r.route === 'POST /applicant/vacancy_response/popup')!;
    expect(post.headers).toMatchObject({
      referer: `${world.site.url}/vacancy/${vacancy.id}`,
      'x-requested-with': 'XMLHttpRequest',
      'x-hhtmfrom': 'vacancy',
      'x-hhtmsource': 'vacancy_response',
      accept: 'application/json',
    });
    expect(post.headers['x-xsrftoken']).toBe(post.form?._xsrf);
    expect(post.headers.cookie).toContain(`_xsrf=${post.form?._xsrf}`);
  });

  it('without a hash the resume id is looked up on the resumes page', async () => {
    world = await startSiteWorld();
    const vacancy = plainVacancy(world);
    const resume = world.site.user.resumes[1]!;
    await world.transport.apply({ vacancyId: vacancy.id, resumeId: resume.id, message: '' });
    expect(world.site.applications[0]!.resumeHash).toBe(resume.hash);
  });
});

describe('responses and chats', () => {
  const applyTo = async (w: SiteWorld, count: number) => {
    const resume = firstResume(w);
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const vacancy = plainVacancy(w);
      const outcome = await w.transport.apply({
        vacancyId: vacancy.id,
        resumeId: resume.id,
        resumeHash: resume.hash,
        message: `Письмо ${i}`,
      });
      ids.push(outcome.kind === 'applied' ? outcome.negotiationId! : '');
    }
    return ids;
  };

  for (const shape of ['2026', 'older'] as const) {
    it(`negotiations map the employer's moves to states, page by page (${shape} pages)`, async () => {
      world = await startSiteWorld({ site: { negotiationsPerPage: 2, shape } });
      const [invited, rejected, viewed, waiting, considered] = await applyTo(world, 5);
      world.site.updateTopic(invited!, { state: 'INVITATION' });
      world.site.employerMessage(world.site.topics().find((t) => t.id === rejected)!.chatId, 'К сожалению, нет.', { state: 'DISCARD' });
      world.site.updateTopic(viewed!, { badges: ['Просмотрен'] });
      world.site.updateTopic(considered!, { state: 'CONSIDER' });
      const all = new Map<string, string>();
      let pages = 1;
      for (let page = 0; page < pages; page += 1) {
        const result = await world.transport.negotiations(page);
        pages = result.pages;
        for (const item of result.items) all.set(negotiationSchema.parse(item).id, item.state);
      }
      // 2026: the rejection left the responses list (4 responses, 2 pages); the chat list still says DISCARD.
      expect(pages).toBe(shape === '2026' ? 2 : 3);
      expect(Object.fromEntries(all)).toEqual({
        [invited!]: 'invitation',
        [rejected!]: 'discard',
        [viewed!]: 'viewed',
        [waiting!]: 'response',
        [considered!]: 'viewed',
      });
    });
  }

  it('messages() finds the chat behind a response and reads it', async () => {
    world = await startSiteWorld();
    const [topicId] = await applyTo(world, 1);
    const chatId = world.site.topics()[0]!.chatId;
    world.site.employerMessage(chatId, 'Когда вам удобно созвониться?');
    // A fresh transport knows nothing: it looks the chat up in the responses list.
    const fresh = new WebsiteTransport({ session: world.session, siteUrl: world.site.url, log: world.log, minIntervalMs: 0 });
    const messages = await fresh.messages(topicId!);
    expect(messages.map((m) => [m.author, m.text])).toEqual([
      ['me', 'Письмо 0'],
      ['employer', 'Когда вам удобно созвониться?'],
    ]);
    const chatRequest = world.site.requests.findLast((r) => r.route === 'GET /chatik/api/chat_data')!;
    expect(Object.fromEntries(chatRequest.query)).toEqual({ chatId, applicantId: world.site.user.id });
    expect(chatRequest.headers['x-xsrftoken']).toBeTruthy();
  });

  it('chats() lists chats with the last message and its buttons; chat() shows the thread', async () => {
    world = await startSiteWorld();
    const bot = world.site.vacancies()[2]!; // its employer's bot asks a question with buttons
    world.site.updateVacancy(bot.id, { hasTest: false, letterRequired: false });
    const resume = firstResume(world);
    const outcome = await world.transport.apply({
      vacancyId: bot.id,
      resumeId: resume.id,
      resumeHash: resume.hash,
      message: 'Добрый день',
    });
    const page = await world.transport.chats(0);
    expect(page).toMatchObject({ page: 0, pages: 1 });
    expect(page.items[0]).toMatchObject({
      negotiationId: outcome.kind === 'applied' ? outcome.negotiationId : null,
      vacancyId: bot.id,
      unread: 1,
      lastMessage: { author: 'bot', text: bot.botQuestion!.text, buttons: ['Да', 'Нет'] },
    });
    const thread = await world.transport.chat(page.items[0]!.chatId);
    expect(thread.canWrite).toBe(true);
    expect(thread.messages.map((m) => [m.author, m.buttons])).toEqual([
      ['me', []],
      ['bot', ['Да', 'Нет']],
    ]);
  });

  it('sendMessage posts the text with its idempotency key to the chat', async () => {
    world = await startSiteWorld();
    const [topicId] = await applyTo(world, 1);
    await world.transport.sendMessage({ negotiationId: topicId!, text: 'Да', idempotencyKey: 'key-1' });
    expect(world.site.sentMessages).toEqual([
      expect.objectContaining({ chatId: world.site.topics()[0]!.chatId, text: 'Да', idempotencyKey: 'key-1' }),
    ]);
    const post = world.site.requests.find((r) => r.route === 'POST /chatik/api/send')!;
    expect(post.json).toEqual({ chatId: Number(world.site.topics()[0]!.chatId), text: 'Да', idempotencyKey: 'key-1' });
    expect(post.headers).toMatchObject({ 'x-requested-with': 'XMLHttpRequest', 'content-type': 'application/json' });
  });

  it('a closed chat refuses messages', async () => {
    world = await startSiteWorld();
    const [topicId] = await applyTo(world, 1);
    world.site.updateTopic(topicId!, { writeAllowed: false });
    expect((await world.transport.chat(world.site.topics()[0]!.chatId)).canWrite).toBe(false);
    await expect(world.transport.sendMessage({ negotiationId: topicId!, text: 'Здравствуйте', idempotencyKey: 'k' })).rejects.toMatchObject(
      { code: 'hh_application_denied' },
    );
  });

  it('an unknown response has no chat', async () => {
    world = await startSiteWorld();
    await expect(world.transport.messages('999')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('resume raising and hiding', () => {
  it('2026: raises a resume through the resume front end (JSON {hash}), then 409 says when it may be raised again', async () => {
    world = await startSiteWorld();
    const resume = firstResume(world);
    await world.transport.raiseResume(resume.id);
    expect(world.site.touches.map((t) => t.resumeHash)).toEqual([resume.hash]);
    const post = world.site.requests.find((r) => r.route === 'POST /profile/shards/resume/touch')!;
    expect(post.json).toEqual({ hash: resume.hash });
    expect(post.headers).toMatchObject({
      'content-type': 'application/json',
      'x-hhtmsource': 'applicant_profile',
      referer: `${world.site.url}/`,
      'x-requested-with': 'XMLHttpRequest',
    });
    const tooSoon = await world.transport.raiseResume(resume.id).catch((err: unknown) => err);
    const next = new Date(world.site.touches[0]!.at + 4 * 3_600_000).toISOString();
    expect(tooSoon).toMatchObject({
      code: 'hh_rate_limited',
      retryable: true,
      next: { kind: 'retry_later' },
      details: { reason: 'touch_limit_exceeded', nextAt: next },
      said: { key: 'hh.raiseTooSoon', params: { at: next } },
    });
    world.site.advanceClock(4 * 3_600_000 + 1);
    await world.transport.raiseResume(resume.id);
    expect(world.site.touches).toHaveLength(2);
    expect(world.site.requests.some((r) => r.route === 'POST /applicant/resumes/touch')).toBe(false);
  });

  it('older accounts: the resume front end is not there (404), so the older endpoint raises (multipart), then meets the 4-hour rule', async () => {
    world = await startSiteWorld({ site: { shape: 'older' } });
    const resume = firstResume(world);
    await world.transport.raiseResume(resume.id);
    expect(world.site.touches.map((t) => t.resumeHash)).toEqual([resume.hash]);
    const post = world.site.requests.find((r) => r.route === 'POST /applicant/resumes/touch')!;
    expect(post.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(post.form).toEqual({ resume: resume.hash, undirectable: 'true' });
    expect(post.headers.referer).toBe(`${world.site.url}/applicant/resumes`);
    await expect(world.transport.raiseResume(resume.id)).rejects.toMatchObject({
      code: 'hh_rate_limited',
      retryable: true,
      next: { kind: 'retry_later' },
    });
    world.site.advanceClock(4 * 3_600_000 + 1);
    await world.transport.raiseResume(resume.id);
    expect(world.site.touches).toHaveLength(2);
  });

  it('hides a vacancy and an employer; search stops showing them', async () => {
    world = await startSiteWorld({ site: { vacancies: 10 } });
    const [first, second] = world.site.vacancies().sort((a, b) => b.publishedAt - a.publishedAt);
    await world.transport.hideVacancy(first!.id);
    await world.transport.hideEmployer(second!.employerId);
    expect(world.site.hidden).toEqual({ vacancies: [first!.id], employers: [second!.employerId] });
    const page = await world.transport.searchVacancies(searchQuery('', 20));
    expect(page.items.map((v) => v.hhId)).not.toContain(first!.id);
    expect(page.items.some((v) => v.employer.id === second!.employerId)).toBe(false);
  });

  it('dictionaries and areas are not on the website', async () => {
    world = await startSiteWorld();
    await expect(world.transport.dictionaries()).rejects.toMatchObject({ code: 'hh_forbidden_for_app' });
    await expect(world.transport.areas()).rejects.toMatchObject({ code: 'hh_forbidden_for_app' });
    expect(world.site.requests).toHaveLength(0);
  });
});
