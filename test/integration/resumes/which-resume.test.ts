import { describe, expect, it } from 'vitest';
import type { HhAccountStatus } from '../../../shared/contract';
import { closeAfterEach, ok } from '../../support/contract';
import { startSiteApp } from '../../support/site-app';

const keep = closeAfterEach();

/** Every prompt the fake model was given, as one text each; scores and replies answered in their shapes. */
function recordingModel() {
  const prompts: string[] = [];
  const reply = (messages: { role: string; content: string }[]) => {
    const text = messages.map((m) => m.content).join('\n');
    prompts.push(text);
    if (/"score"/.test(text)) return '{"score": 77, "reason": "Python и Django совпадают"}';
    if (/JSON/.test(text)) return '{"kind": "human", "reason": "вопрос человека"}';
    return 'Здравствуйте! Пишу на Python и Django, хочу работать у вас. Анна Иванова, anna@example.ru';
  };
  return { prompts, reply };
}

describe('which resume the AI reads: the same one everywhere', () => {
  it('with two resumes and the second one picked, drafting, the Letter lab, scoring, the kept score and a chat reply all read it in full', async () => {
    const model = recordingModel();
    const { core, site } = await startSiteApp(keep, { ai: model.reply });
    const account = ok<HhAccountStatus>(await core.invoke('hh.status', {}));
    const titles = account.resumes.map((r) => r.title);
    // hh.ru's list, sorted by title: the picked resume is not the first.
    expect(titles).toEqual(['Frontend-разработчик', 'Python developer']);
    ok(await core.invoke('profile.setResume', { resumeHhId: account.resumes[1]!.id }));

    const [vacancy] = site.vacancies();
    ok(await core.invoke('vacancies.add', { link: `${site.url}/vacancy/${vacancy!.id}` }));
    const listed = ok<{ items: { id: number; hhId: string }[] }>(await core.invoke('vacancies.list', { statuses: [] })).items;
    const id = listed.find((v) => v.hhId === vacancy!.id)!.id;

    const read = (what: string) => {
      const prompt = model.prompts.at(-1) ?? '';
      // The picked resume's full content (its employer is only on its own page, not in the list), never the other's.
      expect(prompt, what).toContain('Лаборатория Луч');
      expect(prompt, what).not.toContain('Пиксель Плюс');
    };

    const score = ok<{ score: number }>(await core.invoke('vacancies.score', { id }));
    read('scoring');
    expect(score.score).toBe(77);
    // The pane asks for the kept score without naming a resume: it is the picked resume's.
    expect(ok(await core.invoke('vacancies.keptScore', { id }))).toMatchObject({ score: 77 });

    ok(await core.invoke('letters.draft', { vacancyId: id }));
    read('drafting');
    ok(await core.invoke('templates.try', { vacancy: { source: 'hh', idOrUrl: vacancy!.id } }));
    read('the Letter lab');

    const topic = site.addResponse(vacancy!.id, { letter: 'Здравствуйте!' });
    site.employerMessage(topic.chatId, 'Добрый день! Сколько лет вы пишете на Django?');
    ok(await core.invoke('chats.sync', {}));
    const chat = ok<{ items: { id: number }[] }>(await core.invoke('chats.list', {})).items[0]!;
    ok(await core.invoke('chats.draftReply', { chatId: chat.id }));
    read('a chat reply');
  });
});
