import { expect, it } from 'vitest';
import { closeAfterEach, ok } from '../../support/contract';
import { startSiteApp } from '../../support/site-app';

/**
 * Responses the user made outside the app (in a browser, another tool) come in with their vacancy's
 * title and employer; a rejection hh.ru shows only in the chat list (2026) still rejects.
 */

const keep = closeAfterEach();

interface ChatView {
  id: number;
  vacancyTitle: string | null;
  employer: string | null;
  state: string;
}

for (const shape of ['2026', 'older'] as const) {
  it(`chats of responses made outside the app get their vacancy and employer; a rejection moves the vacancy to rejected (${shape} pages)`, async () => {
    const { core, site } = await startSiteApp(keep, { shape });
    const [liked, refused] = site.vacancies();
    site.addResponse(liked!.id, { letter: 'Здравствуйте!' });
    const topic = site.addResponse(refused!.id, { letter: 'Добрый день!' });
    site.employerMessage(topic.chatId, 'К сожалению, мы выбрали другого кандидата.', { state: 'DISCARD' });

    ok(await core.invoke('chats.sync', {}));
    const chats = ok<{ items: ChatView[] }>(await core.invoke('chats.list', { limit: 50 })).items;
    expect(chats.map((c) => [c.vacancyTitle, c.employer]).sort()).toEqual(
      [
        [liked!.name, liked!.employerName],
        [refused!.name, refused!.employerName],
      ].sort(),
    );
    expect((await core.repositories.vacancies.getByHhId(refused!.id))!.status).toBe('rejected');
    expect((await core.repositories.vacancies.getByHhId(liked!.id))!.status).toBe('applied');
    // The app never applies to them again.
    ok(await core.invoke('searches.save', { search: { name: 'Все', filters: { text: '' }, intervalHours: 4, mode: 'autopilot' } }));
    ok(await core.invoke('searches.run', { id: 1 }));
    expect(site.applications.filter((a) => a.vacancyId === liked!.id || a.vacancyId === refused!.id)).toEqual([]);
  });
}
