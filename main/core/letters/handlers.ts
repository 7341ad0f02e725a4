import type { workChannels } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';
import type { TextProvider } from '../ai/provider';
import type { HhGateway } from '../hh/gateway';
import type { HhSignInWindow } from '../hh/sign-in-window';
import type { Clock } from '../ports';
import type { ChatService } from '../chats/service';
import type { DailyCap } from './daily-cap';
import { runSearch } from '../searches/run';
import type { ApplyingService } from './service';

export function workHandlers(deps: {
  repositories: Repositories;
  gateway: HhGateway;
  clock: Clock;
  applying: ApplyingService;
  chats: ChatService;
  cap: DailyCap;
  window?: HhSignInWindow;
  provider: () => Promise<TextProvider>;
}): HandlersOf<typeof workChannels> {
  const { repositories, applying, chats, cap } = deps;
  const summary = async (id: number) => {
    const vacancy = await repositories.vacancies.get(id);
    if (!vacancy) throw AppError.of('not_found', 'This vacancy is no longer in the app.');
    const { descriptionHtml: _h, descriptionText: _t, raw: _r, ...rest } = vacancy;
    return rest;
  };
  return {
    'searches.list': () => repositories.savedSearches.list(),
    'searches.save': async ({ id, search }) => {
      if (id === undefined) await repositories.savedSearches.create(search);
      else if (!(await repositories.savedSearches.update(id, search))) throw AppError.of('not_found', 'This saved search no longer exists.');
      return repositories.savedSearches.list();
    },
    'searches.delete': async ({ id }) => {
      await repositories.savedSearches.delete(id);
      return repositories.savedSearches.list();
    },
    'searches.run': ({ id }) => runSearch(deps, id),
    'vacancies.list': ({ statuses, query, limit, offset }) =>
      query ? repositories.vacancies.search(query, { limit, offset }) : repositories.vacancies.list({ statuses, limit, offset }),
    'vacancies.get': async ({ id }) => {
      const vacancy = await repositories.vacancies.get(id);
      if (!vacancy) throw AppError.of('not_found', 'This vacancy is no longer in the app.');
      return vacancy;
    },
    'vacancies.setStatus': async ({ id, status }) => {
      await repositories.vacancies.setStatus(id, status);
      return summary(id);
    },
    'letters.draft': ({ vacancyId, resumeHhId }) => applying.draft(vacancyId, resumeHhId),
    'letters.list': (options) => applying.list(options),
    'letters.update': ({ applicationId, letter }) => applying.update(applicationId, letter),
    'letters.send': ({ applicationId }) => applying.send(applicationId),
    'letters.assist': ({ applicationId }) => applying.assist(applicationId, deps.window),
    'letters.markSent': ({ applicationId }) => applying.markSent(applicationId),
    'applying.status': () => cap.status(),
    'applying.setSettings': (settings) => cap.setSettings(settings),
    'chats.sync': () => chats.sync(),
    'chats.list': (options) => chats.list(options),
    'chats.messages': ({ chatId }) => chats.messages(chatId),
    'chats.draftReply': async ({ chatId }) => chats.draftReply(chatId, await deps.provider()),
    'chats.send': ({ chatId, text }) => chats.send(chatId, text),
  };
}
