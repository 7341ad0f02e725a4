import { z } from 'zod';
import { none, type ChannelSpecs } from './spec';

export const localApiScopeSchema = z.enum(['read', 'write']);
export type LocalApiScope = z.infer<typeof localApiScopeSchema>;

/** The port the Local API offers first; the user may pick another. */
export const DEFAULT_LOCAL_API_PORT = 47821;

const port = z.number().int().min(1024, 'Choose a port from 1024 to 65535').max(65535, 'Choose a port from 1024 to 65535');

/**
 * Settings → Local API. `listening` and `url` are what the shell did with the setting: the desktop
 * app listens on 127.0.0.1:`port` while enabled; the headless server always listens (its own port,
 * `portFixed`), and accepts the tokens below only while enabled.
 */
export const localApiStatusSchema = z.object({
  enabled: z.boolean(),
  port,
  listening: z.boolean(),
  portFixed: z.boolean(),
  url: z.string().nullable(),
  /** Why it does not listen although enabled: the port is taken, or it failed to start. */
  problem: z.enum(['port_in_use', 'failed']).nullable(),
  /** Secrets are held in memory only (no keyring, no vault key): the signing key, and with it every token, ends when the app quits. */
  tokensEndOnQuit: z.boolean(),
});
export type LocalApiStatus = z.infer<typeof localApiStatusSchema>;

/** A token as Settings lists it: never the token itself, which is shown once when made. */
export const localApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: localApiScopeSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type LocalApiToken = z.infer<typeof localApiTokenSchema>;

const newTokenSchema = z.object({
  /** The signed token, shown this once for the user to copy: the app keeps only its id. */
  token: z.string(),
  info: localApiTokenSchema,
});

/** The app's actions over HTTP for the user's own scripts: off by default, loopback only, with tokens. */
export const localApiChannels = {
  'localApi.status': { input: none, output: localApiStatusSchema },
  'localApi.setEnabled': { input: z.object({ enabled: z.boolean(), port: port.optional() }).strict(), output: localApiStatusSchema },
  'localApi.tokens': { input: none, output: z.array(localApiTokenSchema) },
  'localApi.createToken': {
    input: z
      .object({
        name: z.string().trim().min(1, 'Name the token after what will use it, e.g. cron').max(100),
        scope: localApiScopeSchema,
        expiresInDays: z.number().int().min(1, 'At least one day').max(365, 'At most a year').default(30),
      })
      .strict(),
    output: newTokenSchema,
  },
  /** The token stops working at once; the others keep working. */
  'localApi.revoke': { input: z.object({ id: z.string().min(1).max(100) }).strict(), output: z.array(localApiTokenSchema) },
  /** A new token with the same name, scope and lifetime; the old one is revoked. */
  'localApi.rotate': { input: z.object({ id: z.string().min(1).max(100) }).strict(), output: newTokenSchema },
} as const satisfies ChannelSpecs;
