import { z } from 'zod';

const fixedNames = [
  'hh.client_id',
  'hh.client_secret',
  'gigachat.credentials',
  'gigachat.access_token',
  'openai.api_key',
  'localApi.signing_key',
] as const;

/** One set of hh.ru tokens per account, and one key per extra OpenAI-compatible provider. */
const perItemName = /^(hh\.tokens|openai\.api_key):[A-Za-z0-9_.@-]{1,64}$/;

export type SecretName = (typeof fixedNames)[number] | `hh.tokens:${string}` | `openai.api_key:${string}`;

export const secretNameSchema = z.union([z.enum(fixedNames), z.string().regex(perItemName)]) as unknown as z.ZodType<SecretName>;

/** Names are chosen by code, not by users, so a wrong one is a bug (hence a plain Error). */
export function checkSecretName(name: string): SecretName {
  if (!secretNameSchema.safeParse(name).success) throw new Error(`Unknown secret name: ${JSON.stringify(name)}`);
  return name as SecretName;
}
