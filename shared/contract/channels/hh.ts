import { z } from 'zod';
import { hhAccountSchema, hhCapabilitySchema, hhResumeSchema } from '../../domain/hh';
import { none, type ChannelSpecs } from './spec';

export const hhAccountStatusSchema = z.object({
  signedIn: z.boolean(),
  via: z.enum(['api', 'website']).nullable(),
  account: hhAccountSchema.nullable(),
  resumes: z.array(hhResumeSchema),
  app: z.object({
    configured: z.boolean(),
    clientId: z.string().nullable(),
    redirectUri: z.string(),
    /** Set from .env: Settings shows it but cannot change it. */
    fromEnv: z.boolean(),
  }),
});
export type HhAccountStatus = z.infer<typeof hhAccountStatusSchema>;

const redirectUriSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol.length > 1 && Boolean(url.host || url.pathname);
    } catch {
      return false;
    }
  }, 'Enter the redirect URI exactly as registered on dev.hh.ru, e.g. http://localhost:8080/hh/callback');

/** The user's hh.ru account: sign-in (window or browser), their own API application, capabilities. */
export const hhChannels = {
  'hh.status': { input: none, output: hhAccountStatusSchema },
  'hh.signIn': {
    input: z.object({ mode: z.enum(['default', 'switch', 'continue']).default('default') }).strict(),
    output: z.object({
      status: hhAccountStatusSchema,
      /** Headless only: open this in the browser; hh.ru then returns to the server's callback. */
      authorizeUrl: z.string().optional(),
      /** The user closed the sign-in window: nothing failed, nothing changed. */
      cancelled: z.boolean().optional(),
    }),
  },
  'hh.signInWebsite': {
    input: none,
    output: z.object({ status: hhAccountStatusSchema, cancelled: z.boolean().optional() }),
  },
  'hh.signOut': { input: none, output: hhAccountStatusSchema },
  'hh.refresh': { input: none, output: hhAccountStatusSchema },
  'hh.saveApp': {
    input: z
      .object({
        clientId: z.string().trim().min(1, 'Enter the client id from dev.hh.ru').max(200),
        /** Left empty to keep the secret already stored. */
        clientSecret: z.string().trim().max(500).optional(),
        redirectUri: redirectUriSchema,
      })
      .strict(),
    output: hhAccountStatusSchema,
  },
  'hh.forgetApp': { input: none, output: hhAccountStatusSchema },
  'hh.capabilities': { input: none, output: z.array(hhCapabilitySchema) },
  /** A page hh.ru asked the user to see (a captcha): the app's hh.ru window, or a browser tab headless. */
  'hh.openPage': {
    input: z.object({ url: z.string().url().max(4000) }).strict(),
    output: z.object({ openedInApp: z.boolean(), url: z.string() }),
  },
} as const satisfies ChannelSpecs;
