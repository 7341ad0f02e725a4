import { z } from 'zod';
import { hhAccountSchema, hhCapabilitySchema, hhPagesSchema, hhResumeSchema } from '../../domain/hh';
import { none, type ChannelSpecs } from './spec';

const resumeHhId = z.string().trim().min(1).max(100);

export const resumeFactsSchema = z.object({
  title: z.string(),
  skills: z.array(z.string()),
  about: z.string(),
  totalMonths: z.number().nullable(),
  experience: z.array(z.object({ company: z.string(), position: z.string(), start: z.string(), end: z.string(), description: z.string() })),
  education: z.array(z.string()),
  languages: z.array(z.string()),
});

export const dictionaryItemSchema = z.object({ id: z.string(), name: z.string() });

export interface Area {
  id: string;
  name: string;
  areas: Area[];
}
export const areaSchema: z.ZodType<Area> = z.lazy(() => z.object({ id: z.string(), name: z.string(), areas: z.array(areaSchema) }));

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
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol.length > 1 && Boolean(url.host || url.pathname);
      } catch {
        return false;
      }
    },
    {
      message: 'Enter the redirect URI exactly as registered on dev.hh.ru, e.g. http://localhost:8080/hh/callback',
      params: { rule: 'redirectUri' },
    },
  );

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
  /** The last check of hh.ru's pages: each page the app depends on, understood or not, and when. */
  'hh.pages': { input: none, output: hhPagesSchema },
  /** Checks hh.ru's pages now (the website session's): a page not understood holds Autopilot's sending. */
  'hh.checkPages': { input: none, output: hhPagesSchema },
  /** A page hh.ru asked the user to see (a captcha): the app's hh.ru window, or a browser tab headless. */
  'hh.openPage': {
    input: z.object({ url: z.string().url().max(4000) }).strict(),
    output: z.object({ openedInApp: z.boolean(), url: z.string() }),
  },
  /** One resume in full, read from hh.ru: what letters can lean on (experience, skills, about). */
  'hh.resume': { input: z.object({ resumeHhId }).strict(), output: resumeFactsSchema },
  /** Raises a resume in hh.ru's search (hh.ru allows it about every 4 hours). */
  'hh.raiseResume': { input: z.object({ resumeHhId }).strict(), output: z.object({ raised: z.literal(true) }) },
  /** hh.ru's dictionaries for search filters (experience, employment, schedule, ...): id and name of each value. */
  'hh.dictionaries': { input: none, output: z.record(z.string(), z.array(dictionaryItemSchema)) },
  /** hh.ru's regions as a tree (countries, regions, cities), for choosing a search's area by name. */
  'hh.areas': { input: none, output: z.array(areaSchema) },
} as const satisfies ChannelSpecs;
