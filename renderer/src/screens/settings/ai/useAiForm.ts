import { useState } from 'react';
import type { AiSettings, ChannelInput } from '../../../../../shared/contract';
import { defaultGigaChat, defaultOpenAi, type GigaChatSettings, type KeyService, type Kind, type OpenAiSettings } from './aiForm';

const noKeys: Record<KeyService, string> = { gigachat: '', openai: '' };

/**
 * The AI card's fields. Each service keeps its own settings while another is picked, so switching
 * back and forth loses nothing; keys are typed here and never filled in from what is stored.
 */
export function useAiForm() {
  const [kind, setKind] = useState<Kind>('template');
  const [gigachat, setGigachat] = useState<GigaChatSettings>(defaultGigaChat);
  const [openai, setOpenai] = useState<OpenAiSettings>(defaultOpenAi);
  const [keys, setKeys] = useState(noKeys);
  /** The user ticked "I understand the risk" for certificate checks off (a stored setting counts as confirmed). */
  const [insecureConfirmed, setInsecureConfirmed] = useState(false);

  const fill = (stored: AiSettings) => {
    setKind(stored.kind);
    if (stored.kind === 'gigachat') {
      setGigachat({ ...defaultGigaChat, ...stored });
      setInsecureConfirmed(stored.insecureSkipVerify === true);
    }
    if (stored.kind === 'openai') setOpenai(stored);
  };

  const settings = (): AiSettings => (kind === 'gigachat' ? gigachat : kind === 'openai' ? openai : { kind: 'template' });

  /** What Save sends. `forgetStoredKey`: the user chose to drop the key entered for the old address. */
  const request = (forgetStoredKey: boolean): ChannelInput<'ai.settings.set'> => ({
    settings: settings(),
    ...(kind === 'gigachat' && keys.gigachat.trim() && { gigachatKey: keys.gigachat }),
    ...(kind === 'openai' && keys.openai.trim() && { openaiKey: keys.openai }),
    ...(forgetStoredKey && { forgetStoredKey }),
    ...(kind === 'gigachat' && gigachat.insecureSkipVerify && { confirmInsecureSkipVerify: insecureConfirmed }),
  });

  return {
    kind,
    setKind,
    gigachat,
    setGigachat,
    openai,
    setOpenai,
    keys,
    setKey: (service: KeyService, value: string) => setKeys((current) => ({ ...current, [service]: value })),
    clearKeys: () => setKeys(noKeys),
    insecureConfirmed,
    setInsecureConfirmed,
    /** Turning the check off (or on again) asks for the confirmation anew. */
    setInsecure: (on: boolean) => {
      setGigachat({ ...gigachat, insecureSkipVerify: on });
      setInsecureConfirmed(false);
    },
    fill,
    settings,
    request,
  };
}

export type AiForm = ReturnType<typeof useAiForm>;
