import { z } from 'zod';
import { none, type ChannelSpecs } from './spec';

const optionalUrl = z.union([z.literal(''), z.string().trim().url('Enter a full address starting with https://')]).optional();

const streams = z.number().int().min(1, 'At least one request at a time').max(16, 'At most 16 requests at a time').optional();
const timeoutSec = z.number().int().min(5, 'Allow at least 5 seconds').max(600, 'Allow at most 10 minutes').optional();

/** What Settings → AI keeps. Keys are not here: they go to the vault and never come back. */
export const aiSettingsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('gigachat'),
    scope: z.enum(['GIGACHAT_API_PERS', 'GIGACHAT_API_B2B', 'GIGACHAT_API_CORP']),
    model: z.string().trim().max(100).optional(),
    // https only: said by the handler in the user's language (a saved http address must still load).
    authUrl: optionalUrl,
    baseUrl: optionalUrl,
    caFile: z.string().trim().max(1000).optional(),
    insecureSkipVerify: z.boolean().optional(),
    streams,
    timeoutSec,
  }),
  z.object({
    kind: z.literal('openai'),
    baseUrl: z.string().trim().url('Enter the service address, e.g. https://api.openai.com/v1 or http://localhost:11434/v1'),
    model: z.string().trim().min(1, 'Enter the model name, e.g. gpt-4o-mini or llama3.1'),
    streams,
    timeoutSec,
  }),
  z.object({ kind: z.literal('template') }),
]);
export type AiSettings = z.infer<typeof aiSettingsSchema>;

export const aiSettingsViewSchema = z.object({
  settings: aiSettingsSchema,
  /** Whether a key is stored for each service (never the key itself). */
  keys: z.object({ gigachat: z.boolean(), openai: z.boolean() }),
  /** The address each key was entered for: it is sent nowhere else. */
  keyAddresses: z.object({ gigachat: z.string().optional(), openai: z.string().optional() }),
});

/** The AI that writes letters: which service, its settings, and a connection test. */
export const aiChannels = {
  'ai.settings.get': { input: none, output: aiSettingsViewSchema },
  'ai.settings.set': {
    input: z
      .object({
        settings: aiSettingsSchema,
        /** Empty or absent: keep the stored key (only while the address it was entered for stays). */
        gigachatKey: z.string().trim().max(2000).optional(),
        openaiKey: z.string().trim().max(2000).optional(),
        /** The address changed and no new key is given: drop the key entered for the old one. */
        forgetStoredKey: z.boolean().optional(),
        /** The user confirmed, knowing it is unsafe, that GigaChat's certificate is not to be checked. */
        confirmInsecureSkipVerify: z.boolean().optional(),
      })
      .strict(),
    output: aiSettingsViewSchema,
  },
  /** "Test connection": proves key, network, certificates and model, or says which one fails. */
  'ai.test': {
    /** Empty: the saved settings. With settings: those, as typed, before they are saved (nothing is stored). */
    input: z
      .object({
        settings: aiSettingsSchema.optional(),
        gigachatKey: z.string().trim().max(2000).optional(),
        openaiKey: z.string().trim().max(2000).optional(),
        confirmInsecureSkipVerify: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ model: z.string(), models: z.array(z.string()) }),
  },
} as const satisfies ChannelSpecs;
