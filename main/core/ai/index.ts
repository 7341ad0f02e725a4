import type { aiChannels, AiSettings } from '../../../shared/contract';
import { aiSettingsSchema } from '../../../shared/contract';
import type { HandlersOf } from '../contract/dispatch';
import type { Repositories } from '../db/repositories';
import { AppError } from '../errors';
import type { HhGateway } from '../hh/gateway';
import type { Clock, Logger } from '../ports';
import type { Redactor, Vault } from '../secrets';
import { validateLetter, writeLetter, DEFAULT_MAX_LENGTH } from '../letters/writing';
import { createProvider, type ProviderSettings } from './providers';
import type { LimitedProvider } from './queue';
import type { VacancyText } from './text/vacancy-text';

export interface AiDeps {
  vault: Vault;
  redactor: Redactor;
  log: Logger;
  clock: Clock;
  resourcesDir: string;
  repositories: Repositories;
  gateway: HhGateway;
  /** Profile email is also the contact hh.ru sees in the app's user agent. */
  onProfileEmail: (email: string) => void;
}

/** With no setup at all the app still writes letters, from the user's own template. */
const DEFAULT_SETTINGS: AiSettings = { kind: 'template' };

const toProviderSettings = (settings: AiSettings): ProviderSettings => {
  switch (settings.kind) {
    case 'gigachat':
      return {
        kind: 'gigachat',
        scope: settings.scope,
        model: settings.model || undefined,
        authUrl: settings.authUrl || undefined,
        baseUrl: settings.baseUrl || undefined,
        caFile: settings.caFile || undefined,
        insecureSkipVerify: settings.insecureSkipVerify,
        streams: settings.streams,
        timeoutMs: settings.timeoutSec ? settings.timeoutSec * 1000 : undefined,
      };
    case 'openai':
      return { kind: 'openai', baseUrl: settings.baseUrl, model: settings.model, streams: settings.streams, timeoutMs: settings.timeoutSec ? settings.timeoutSec * 1000 : undefined };
    case 'template':
      return { kind: 'template' };
  }
};

/** An hh.ru vacancy link (any regional host) or its bare number. */
export const vacancyIdFrom = (input: string): string | undefined => input.match(/^\s*(\d{3,})\s*$/)?.[1] ?? input.match(/\/vacancy\/(\d+)/)?.[1];

/** The AI side of the app: settings, the provider behind its queue, profile, templates, the Letter lab. */
export function createAi(deps: AiDeps) {
  const { repositories, vault } = deps;
  let current: { settings: AiSettings; provider: LimitedProvider } | undefined;

  const settings = async (): Promise<AiSettings> => (await repositories.appSettings.get('ai.settings', aiSettingsSchema)) ?? DEFAULT_SETTINGS;

  /** One provider (one queue) per settings: a batch of letters shares GigaChat's single stream. */
  const provider = async (): Promise<LimitedProvider> => {
    const now = await settings();
    if (!current || JSON.stringify(current.settings) !== JSON.stringify(now)) {
      current = {
        settings: now,
        provider: createProvider(toProviderSettings(now), { vault, log: deps.log, clock: deps.clock, resourcesDir: deps.resourcesDir, redactor: deps.redactor }),
      };
    }
    return current.provider;
  };

  const view = async () => ({
    settings: await settings(),
    keys: { gigachat: Boolean(await vault.get('gigachat.credentials')), openai: Boolean(await vault.get('openai.api_key')) },
  });

  const labVacancy = async (input: Parameters<HandlersOf<typeof aiChannels>['letters.lab.generate']>[0]['vacancy']): Promise<VacancyText> => {
    if (input.source === 'text') {
      return { title: input.title, employer: { id: null, name: input.employer || null }, descriptionText: input.text, descriptionHtml: '', keySkills: [] };
    }
    const id = vacancyIdFrom(input.idOrUrl);
    if (!id) throw AppError.of('invalid_input', 'That is not an hh.ru vacancy link or number. Paste a link like https://hh.ru/vacancy/123456.');
    return deps.gateway.vacancy(id);
  };

  const handlers: HandlersOf<typeof aiChannels> = {
    'ai.settings.get': view,
    'ai.settings.set': async ({ settings: next, gigachatKey, openaiKey }) => {
      if (gigachatKey) {
        await vault.put('gigachat.credentials', gigachatKey.replace(/^Basic\s+/i, ''));
        // A token from the old key must not outlive it.
        await vault.delete('gigachat.access_token');
      }
      if (openaiKey) await vault.put('openai.api_key', openaiKey);
      await repositories.appSettings.set('ai.settings', next);
      await repositories.auditLog.append({ action: 'ai.settings.save', target: next.kind, outcome: 'ok', details: gigachatKey || openaiKey ? 'key changed' : '' });
      return view();
    },
    'ai.test': async () => {
      const checked = await (await provider()).check({ timeoutMs: 30_000 });
      return { model: checked.model, models: checked.models.map((m) => m.id) };
    },
    'profile.get': () => repositories.profile.get(),
    'profile.set': async (profile) => {
      const saved = await repositories.profile.save(profile);
      deps.onProfileEmail(saved.email);
      return saved;
    },
    'letters.templates.list': () => repositories.letterTemplates.list(),
    'letters.templates.save': async ({ id, template, makeDefault }) => {
      const saved = id === undefined ? await repositories.letterTemplates.create(template) : await repositories.letterTemplates.update(id, template);
      if (!saved) throw AppError.of('not_found', 'That template no longer exists.');
      if (makeDefault) await repositories.letterTemplates.setDefault(saved.id);
      return repositories.letterTemplates.list();
    },
    'letters.templates.delete': async ({ id }) => {
      await repositories.letterTemplates.delete(id);
      return repositories.letterTemplates.list();
    },
    'letters.lab.generate': async (input) => {
      const [vacancy, profile] = await Promise.all([labVacancy(input.vacancy), repositories.profile.get()]);
      const resume = input.resumeHhId ? await repositories.resumes.getByHhId(input.resumeHhId) : (await repositories.resumes.list())[0];
      const saved = input.templateId !== null ? await repositories.letterTemplates.get(input.templateId) : await repositories.letterTemplates.getDefault();
      const template = {
        instruction: input.instruction ?? saved?.instruction ?? '',
        tone: input.tone ?? saved?.tone ?? '',
        maxLength: input.maxLength ?? saved?.maxLength ?? DEFAULT_MAX_LENGTH,
      };
      const written = await writeLetter({ provider: await provider(), vacancy, resume: resume ?? null, profile, template });
      return { letter: written.letter, prompt: written.prompt, validation: written.validation, usage: written.usage, model: written.model, source: written.source, vacancyTitle: vacancy.title };
    },
    'letters.validate': async ({ letter, maxLength }) => validateLetter(letter, { profile: await repositories.profile.get(), maxLength: maxLength ?? DEFAULT_MAX_LENGTH }),
  };

  return { handlers, provider, settings };
}
