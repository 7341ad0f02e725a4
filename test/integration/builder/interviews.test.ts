import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Interview } from '../../../shared/domain';
import { startFakeOpenAi } from '../../fakes/ai';
import { closeAfterEach, ok } from '../../support/contract';
import { startTestCore, type TestCore } from '../../support/core';
import { signInThroughOAuth, startHhWorld } from '../../support/hh';

let app: TestCore | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
const keep = closeAfterEach();

const last = (interview: Interview) => interview.messages.at(-1)!;

describe('resume interviews through the contract, with no model (the fixed questionnaire)', () => {
  it('asks one question at a time, asks again after a vague answer, pages, deletes, and continues after a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'aaa-interviews-'));
    try {
      app = await startTestCore({ dataDir });
      let { core } = app;
      let interview = ok<Interview>(await core.invoke('builder.create', { language: 'ru' }));
      expect(interview.messages).toHaveLength(1);
      expect(last(interview)).toMatchObject({ role: 'assistant', section: 'target', followUp: false });

      // "Python" names no role: the same section again, as a follow-up.
      interview = ok<Interview>(await core.invoke('builder.answer', { id: interview.id, text: 'Python' }));
      expect(last(interview)).toMatchObject({ role: 'assistant', section: 'target', followUp: true });
      expect(interview.covered).toEqual([]);
      interview = ok<Interview>(await core.invoke('builder.answer', { id: interview.id, text: 'Senior Python-разработчик, удалённо' }));
      expect(interview.covered).toEqual(['target']);
      expect(last(interview)).toMatchObject({ section: 'experience', followUp: false });
      // A job told without a single date or result gets its follow-up too.
      interview = ok<Interview>(await core.invoke('builder.answer', { id: interview.id, text: 'Работал бэкендером в Контуре' }));
      expect(last(interview)).toMatchObject({ section: 'experience', followUp: true });
      expect(await core.invoke('builder.answer', { id: interview.id, text: '   ' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });

      // Paging, newest first.
      ok(await core.invoke('builder.create', { language: 'en' }));
      const third = ok<Interview>(await core.invoke('builder.create', { language: 'ru' }));
      const page = ok<{ items: { id: number }[]; total: number }>(await core.invoke('builder.list', { limit: 2, offset: 0 }));
      expect(page.total).toBe(3);
      expect(page.items).toHaveLength(2);
      expect(ok<{ items: unknown[] }>(await core.invoke('builder.list', { limit: 2, offset: 2 })).items).toHaveLength(1);
      expect(ok(await core.invoke('builder.delete', { id: third.id }))).toEqual({ deleted: true });
      expect(await core.invoke('builder.get', { id: third.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(ok<{ total: number }>(await core.invoke('builder.list', {})).total).toBe(2);

      // After a restart the interview is where the user left it.
      await app.close();
      app = await startTestCore({ dataDir });
      core = app.core;
      interview = ok<Interview>(await core.invoke('builder.get', { id: interview.id }));
      expect(interview.messages.filter((m) => m.role === 'user').map((m) => m.text)).toEqual([
        'Python',
        'Senior Python-разработчик, удалённо',
        'Работал бэкендером в Контуре',
      ]);
      interview = ok<Interview>(
        await core.invoke('builder.answer', {
          id: interview.id,
          text: 'СКБ Контур, с 03.2019 по 08.2024, ведущий разработчик: перевёл биллинг на Kafka, ускорил выставление счетов на 37%.',
        }),
      );
      expect(interview.covered).toEqual(['target', 'experience']);

      // Finishing with no model assembles the answers; a section with none is a marked gap.
      interview = ok<Interview>(await core.invoke('builder.finish', { id: interview.id }));
      expect(interview.status).toBe('finished');
      expect(interview.markdown).toContain('# Senior Python-разработчик, удалённо');
      expect(interview.markdown).toContain('ускорил выставление счетов на 37%');
      expect(interview.markdown).toContain('[уточните: навыки]');
      expect(interview.unsupported).toEqual([]);
      expect(interview.title).toBe('Senior Python-разработчик, удалённо');
      // A finished interview takes no more answers; its resume is edited instead, and checked again.
      expect(await core.invoke('builder.answer', { id: interview.id, text: 'ещё' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      interview = ok<Interview>(
        await core.invoke('builder.saveResume', {
          id: interview.id,
          markdown: `${interview.markdown}\nРаботал в «Газпромнефть» в 2015 году.`,
        }),
      );
      expect(interview.unsupported).toEqual(
        expect.arrayContaining([
          { kind: 'employer', text: 'Газпромнефть' },
          { kind: 'year', text: '2015' },
        ]),
      );
    } finally {
      await app?.close();
      app = undefined;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the interview does not loop, and nothing the user says is dropped', () => {
  it('one follow-up per section even for two vague answers; what is added after every section goes under "Дополнительно"; finishing twice is refused', async () => {
    app = await startTestCore();
    const { core } = app;
    let interview = ok<Interview>(await core.invoke('builder.create', { language: 'ru' }));
    const answer = async (text: string) => (interview = ok<Interview>(await core.invoke('builder.answer', { id: interview.id, text })));
    await answer('dev');
    await answer('dev');
    // The follow-up was answered (vaguely): the section counts as covered and the interview moves on, never back.
    expect(last(interview)).toMatchObject({ section: 'experience', followUp: false });
    const sections = [
      'СКБ Контур, 2019–2024: биллинг, счета на 37% быстрее.',
      'Платёжный шлюз: 1200 платежей в секунду, задержка ниже на 41%.',
      'Python, Kafka',
      'МГУ, ВМК, 2012',
      'Английский B2',
    ];
    for (const text of sections) await answer(text);
    const asked = interview.messages.filter((m) => m.role === 'assistant').map((m) => m.section);
    expect(asked).toEqual(['target', 'target', 'experience', 'projects', 'skills', 'education', 'languages', null]);
    await answer('Немецкий A2, права категории B');
    interview = ok<Interview>(await core.invoke('builder.finish', { id: interview.id }));
    expect(interview.markdown).toContain('## Дополнительно\n\nНемецкий A2, права категории B');
    expect(await core.invoke('builder.finish', { id: interview.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('resume interviews with a model (fake OpenAI-compatible server)', () => {
  const INVENTED = 'Фантом Софт';
  const startWithModel = async (options: { failFirst?: boolean } = {}) => {
    const fake = keep(
      await startFakeOpenAi({
        reply: (messages) => {
          const system = messages[0]?.content ?? '';
          if (system.startsWith('Составь резюме')) {
            const answers = messages[1]!.content;
            // The scripted model copies the user's facts and invents one employer.
            const facts = answers
              .split('\n')
              .filter((line) => line.startsWith('Ответ: '))
              .map((line) => `- ${line.slice(7)}`);
            return `# Ведущий Python-разработчик\n\n## Опыт работы\n\n${facts.join('\n')}\n- Стажировка в «${INVENTED}»\n\n## Навыки\n\n[уточните: навыки]\n`;
          }
          const section = /"section": "(\w+)"/.exec(system)?.[1] ?? 'target';
          // A model that labels its question with another section: the app keeps its own.
          if (messages.at(-1)?.content.includes('ярлык'))
            return JSON.stringify({ section: 'languages', question: `Вопрос про ${section}.` });
          if (system.includes('слишком общий'))
            return JSON.stringify({ section, question: `Уточните, пожалуйста (${section}): период и результат в цифрах?` });
          return `Конечно! ${JSON.stringify({ section, question: `Расскажите про раздел ${section}.` })}`;
        },
      }),
    );
    // A refusal the provider does not retry: the user's answer must survive it.
    if (options.failFirst)
      fake.enqueue('chat', { status: 400, body: { error: { message: 'bad request', type: 'invalid_request_error' } } });
    app = await startTestCore();
    ok(await app.core.invoke('ai.settings.set', { settings: { kind: 'openai', baseUrl: fake.baseUrl, model: 'gpt-4o-mini' } }));
    return { fake, core: app.core };
  };

  it('words a follow-up for a vague answer, writes the resume from the answers, and flags the employer it invented', async () => {
    const { fake, core } = await startWithModel();
    let interview = ok<Interview>(await core.invoke('builder.create', { language: 'ru' }));
    interview = ok<Interview>(await core.invoke('builder.answer', { id: interview.id, text: 'Ведущий Python-разработчик, финтех' }));
    expect(last(interview)).toMatchObject({ text: 'Расскажите про раздел experience.', section: 'experience', followUp: false });
    interview = ok<Interview>(await core.invoke('builder.answer', { id: interview.id, text: 'Делал бэкенд' }));
    expect(last(interview)).toMatchObject({ text: 'Уточните, пожалуйста (experience): период и результат в цифрах?', followUp: true });
    interview = ok<Interview>(
      await core.invoke('builder.answer', {
        id: interview.id,
        text: 'Точка Банк, 2021–2024: платёжный шлюз на Go и Python, 1200 платежей в секунду, задержка снижена на 41%.',
      }),
    );
    expect(interview.covered).toEqual(['target', 'experience']);

    interview = ok<Interview>(await core.invoke('builder.finish', { id: interview.id }));
    const finishing = JSON.parse(fake.requests.at(-1)!.body) as { messages: { content: string }[] };
    expect(finishing.messages[1]!.content).toContain('Точка Банк');
    expect(interview.markdown).toContain('1200 платежей в секунду');
    expect(interview.markdown).toContain('на 41%');
    expect(interview.unsupported).toEqual([{ kind: 'employer', text: INVENTED }]);
  });

  it('keeps its own section whatever label the model puts on the question', async () => {
    const { core } = await startWithModel();
    let interview = ok<Interview>(await core.invoke('builder.create', { language: 'ru' }));
    interview = ok<Interview>(await core.invoke('builder.answer', { id: interview.id, text: 'Инженер данных, ярлык не тот' }));
    expect(last(interview)).toMatchObject({ text: 'Вопрос про experience.', section: 'experience' });
  });

  it('keeps the answer when the model fails, and asks again on request', async () => {
    const { core } = await startWithModel({ failFirst: true });
    const created = ok<Interview>(await core.invoke('builder.create', { language: 'ru' }));
    expect(await core.invoke('builder.answer', { id: created.id, text: 'Аналитик данных, middle' })).toMatchObject({ ok: false });
    let interview = ok<Interview>(await core.invoke('builder.get', { id: created.id }));
    expect(last(interview)).toMatchObject({ role: 'user', text: 'Аналитик данных, middle' });
    interview = ok<Interview>(await core.invoke('builder.ask', { id: created.id }));
    expect(last(interview)).toMatchObject({ role: 'assistant', section: 'experience' });
  });

  it('letters use the finished resume beside the hh.ru one once the user chooses it', async () => {
    const { fake, core } = await startWithModel();
    let interview = ok<Interview>(await core.invoke('builder.create', { language: 'ru' }));
    interview = ok<Interview>(await core.invoke('builder.answer', { id: interview.id, text: 'Инженер данных, senior, Москва' }));
    expect(await core.invoke('builder.setLettersResume', { choice: { interviewId: interview.id, mode: 'instead' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    interview = ok<Interview>(await core.invoke('builder.finish', { id: interview.id }));
    expect(ok(await core.invoke('builder.setLettersResume', { choice: { interviewId: interview.id, mode: 'instead' } }))).toEqual({
      interviewId: interview.id,
      mode: 'instead',
    });
    ok(
      await core.invoke('templates.try', {
        vacancy: {
          source: 'text',
          title: 'Data Engineer',
          employer: 'Ромашка',
          text: 'Ищем инженера данных: Spark, Airflow, опыт от 3 лет, удалённая работа.',
        },
      }),
    );
    const prompt = (JSON.parse(fake.requests.at(-1)!.body) as { messages: { content: string }[] }).messages[1]!.content;
    expect(prompt).toContain('Резюме, которое кандидат составил сам');
    expect(prompt).toContain('Инженер данных, senior, Москва');
    // The resume's gaps ask the user; a letter is never written around them.
    expect(prompt).not.toContain('[уточните');
    // Deleting the interview ends its use in letters.
    ok(await core.invoke('builder.delete', { id: interview.id }));
    expect(ok(await core.invoke('builder.lettersResume', {}))).toBeNull();
  });
});

describe('an interview that improves an hh.ru resume', () => {
  it("starts from the resume: names it, keeps its text as the user's own words, and the check accepts its facts", async () => {
    const world = await startHhWorld();
    try {
      await signInThroughOAuth(world);
      const { core } = world.app;
      const [resume] = await core.repositories.resumes.list();
      let interview = ok<Interview>(await core.invoke('builder.create', { language: 'ru', fromResumeHhId: resume!.hhId }));
      expect(interview.sourceResumeHhId).toBe(resume!.hhId);
      expect(interview.messages[0]!.text).toContain(`«${resume!.title}»`);
      expect(interview.sourceText).toContain('Опыт работы');
      // A company the hh.ru resume names is backed even though no answer repeats it.
      const company = /- ([^,\n]+),/.exec(interview.sourceText!.split('Опыт работы:')[1] ?? '')?.[1]?.trim();
      expect(company).toBeTruthy();
      interview = ok<Interview>(await core.invoke('builder.answer', { id: interview.id, text: 'Тимлид бэкенда, удалённо' }));
      interview = ok<Interview>(await core.invoke('builder.finish', { id: interview.id }));
      interview = ok<Interview>(
        await core.invoke('builder.saveResume', { id: interview.id, markdown: `${interview.markdown}\nРаботал в «${company}».\n` }),
      );
      expect(interview.unsupported).toEqual([]);
      expect(await core.invoke('builder.create', { language: 'ru', fromResumeHhId: 'not-mine' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    } finally {
      await world.close();
    }
  });
});
