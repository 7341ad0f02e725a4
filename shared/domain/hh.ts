import { z } from 'zod';

/** The signed-in hh.ru user, as /me (or the website) describes them. */
export const hhAccountSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
});
export type HhAccount = z.infer<typeof hhAccountSchema>;

export const hhResumeSchema = z.object({
  id: z.string(),
  /** The website addresses a resume by its hash; the API by its id (often the same string). */
  hash: z.string().nullable(),
  title: z.string(),
  status: z.string().nullable(),
  canPublish: z.boolean(),
  nextPublishAt: z.string().nullable(),
  url: z.string().nullable(),
});
export type HhResume = z.infer<typeof hhResumeSchema>;

export const negotiationSchema = z.object({
  id: z.string(),
  state: z.string(),
  vacancyId: z.string().nullable(),
  resumeId: z.string().nullable(),
  viewedByOpponent: z.boolean(),
  hasUpdates: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type Negotiation = z.infer<typeof negotiationSchema>;

export const negotiationMessageSchema = z.object({
  id: z.string(),
  author: z.enum(['employer', 'me', 'bot']),
  text: z.string(),
  createdAt: z.string().nullable(),
  /** Quick answers an employer's bot offers; a reply must be exactly one of them. */
  buttons: z.array(z.string()),
});
export type NegotiationMessage = z.infer<typeof negotiationMessageSchema>;

/** Every hh.ru operation the app performs; the gateway routes each to a transport that works. */
/** The pages (and answers) of hh.ru's website the app depends on, in the order it checks them. */
export const hhPageIds = ['resumes', 'resume', 'search', 'vacancy', 'negotiations', 'chats'] as const;
export type HhPageId = (typeof hhPageIds)[number];

/** What a check of one page found (see main/core/hh/pages.ts). `savedShape`: the file with its keys, when it was not understood. */
export const hhPageCheckSchema = z.object({
  page: z.enum(hhPageIds),
  state: z.enum(['ok', 'changed', 'unreachable', 'skipped']),
  shape: z.enum(['2026', 'older']).nullable(),
  detail: z.string().nullable(),
  savedShape: z.string().nullable(),
});
export const hhPagesSchema = z.object({
  /** False without a website session: the official API is documented and needs no check. */
  supported: z.boolean(),
  checkedAt: z.string().nullable(),
  pages: z.array(hhPageCheckSchema),
});
export type HhPages = z.infer<typeof hhPagesSchema>;

export const hhOperations = [
  'me',
  'resumes',
  'resume',
  'searchVacancies',
  'vacancy',
  'similarVacancies',
  'apply',
  'negotiations',
  'messages',
  'sendMessage',
  'raiseResume',
  'hideVacancy',
  'hideEmployer',
  'dictionaries',
  'areas',
] as const;
export const hhOperationSchema = z.enum(hhOperations);
export type HhOperation = z.infer<typeof hhOperationSchema>;

export const hhTransportIdSchema = z.enum(['official', 'website', 'assisted']);
export type HhTransportId = z.infer<typeof hhTransportIdSchema>;

/** Why a path cannot serve an operation, as a code the window translates ('other': only the sentence). */
export const hhUnavailableCodes = [
  'own_app_needed',
  'own_app_or_credentials_needed',
  'refused_for_apps',
  'sign_in_in_window',
  'sign_in_with_cookies',
  'no_dictionaries',
  'other',
] as const;
export const hhUnavailableCodeSchema = z.enum(hhUnavailableCodes);
export type HhUnavailableCode = z.infer<typeof hhUnavailableCodeSchema>;

/** Each reason in English, for logs and the headless API; the window says it by its code. */
export const hhUnavailableSentences = {
  own_app_needed: 'needs a sign-in through your own dev.hh.ru application',
  own_app_or_credentials_needed:
    'needs a sign-in through your own dev.hh.ru application (or its client id and secret for an application token)',
  refused_for_apps: 'hh.ru refuses this operation for third-party applications',
  sign_in_in_window: 'sign in to hh.ru in the app window',
  sign_in_with_cookies: 'give the app your hh.ru session: a cookies.txt export in HH_COOKIES_FILE, then Sign in',
  no_dictionaries: "hh.ru's website has no dictionaries the app can read; they come from hh.ru's official API",
} as const satisfies Record<Exclude<HhUnavailableCode, 'other'>, string>;

/**
 * Why no path could serve an operation, as an error sentence's parameter: `transport:code` pairs
 * joined by `;` (`website:sign_in_in_window;official:own_app_needed`). A reason without a code
 * keeps its own sentence after the colon.
 */
export function hhReasonsText(value: string, say: (transport: string, reason: string) => string): string {
  return value
    .split(';')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf(':');
      return at < 0 ? pair : say(pair.slice(0, at), pair.slice(at + 1));
    })
    .join('; ');
}

/** An English reason for a code, or the text itself when it is not one. */
export const hhReasonSentence = (reason: string): string =>
  Object.hasOwn(hhUnavailableSentences, reason) ? hhUnavailableSentences[reason as keyof typeof hhUnavailableSentences] : reason;

/** Per operation: which path serves it now, and why each other path does not. */
export const hhCapabilitySchema = z.object({
  operation: hhOperationSchema,
  transport: hhTransportIdSchema.nullable(),
  unavailable: z.array(z.object({ transport: hhTransportIdSchema, code: hhUnavailableCodeSchema, reason: z.string() })),
});
export type HhCapability = z.infer<typeof hhCapabilitySchema>;
