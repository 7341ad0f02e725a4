import type { AiSettings, AppErrorValue, ChannelOutput } from '../../../../../shared/contract';
import { keyTarget, type KeyService } from '../../../../../shared/domain/ai-key-address';

export type Kind = AiSettings['kind'];
export type GigaChatSettings = Extract<AiSettings, { kind: 'gigachat' }>;
export type OpenAiSettings = Extract<AiSettings, { kind: 'openai' }>;
export type AiSettingsView = ChannelOutput<'ai.settings.get'>;
export type { KeyService };

/** The fields a save can find wrong and the card shows, by their name under `settings.` in the core's issues. */
export const aiFields = ['model', 'authUrl', 'baseUrl'] as const;
export type AiField = (typeof aiFields)[number];
/** The sentence to show next to a field, if the last save found it wrong. */
export type IssueOf = (field: AiField) => string | undefined;

export const kinds = ['gigachat', 'openai', 'template'] as const satisfies readonly Kind[];
export const scopes = [
  'GIGACHAT_API_PERS',
  'GIGACHAT_API_B2B',
  'GIGACHAT_API_CORP',
] as const satisfies readonly GigaChatSettings['scope'][];
export const presets = [
  { id: 'openai', url: 'https://api.openai.com/v1' },
  { id: 'openrouter', url: 'https://openrouter.ai/api/v1' },
  { id: 'ollama', url: 'http://localhost:11434/v1' },
  { id: 'lmstudio', url: 'http://localhost:1234/v1' },
] as const;

export const defaultGigaChat: GigaChatSettings = {
  kind: 'gigachat',
  scope: 'GIGACHAT_API_PERS',
  model: '',
  authUrl: '',
  baseUrl: '',
  caFile: '',
  insecureSkipVerify: false,
};
export const defaultOpenAi: OpenAiSettings = { kind: 'openai', baseUrl: presets[0].url, model: '' };

/** Certificate checks off: the switch, and the user's confirmation that they understand the risk. */
export interface InsecureSwitch {
  onChange(on: boolean): void;
  confirmed: boolean;
  onConfirm(confirmed: boolean): void;
}

export type TestOutcome = { ok: true; model: string; models: string[] } | { ok: false; error: AppErrorValue };

/** What the card says under the key field: where the stored key goes, or that the form now names another address. */
export type KeyNote = { elsewhere: string } | { address: string } | undefined;

export function keyNoteOf(settings: AiSettings, view: AiSettingsView): KeyNote {
  const target = keyTarget(settings);
  const address = target ? view.keyAddresses[target.service] : undefined;
  if (!target || !address) return undefined;
  return address !== target.address ? { elsewhere: address } : { address };
}
