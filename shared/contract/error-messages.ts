import { hhReasonSentence, hhReasonsText } from '../domain/hh';
/**
 * Error sentences the window says in the user's language. Most carry facts (a number, a time, a
 * name, hh.ru's own word); a few plain ones are here because their code alone would say too little
 * (what to finish first, which page). The core says them as a key and parameters, the renderer translates the key with the parameters, so a Russian user
 * reads "лимит 20 откликов… в 14:05" and not a generic line. English here is the fallback the core
 * logs and the headless API shows. `{{at, time}}` is an ISO time shown as the reader's clock time.
 */
export const errorMessages = {
  'letters.capReached': 'Your limit of {{cap}} applications in 24 hours is reached. The next one can go at {{at, time}}.',
  'letters.hhLimitReached': 'hh.ru says its limit of applications in 24 hours is reached. The app sends nothing before {{at, time}}.',
  'letters.secondResume': 'You have already applied to this vacancy (with resume {{resume}}). Confirm to apply again with another resume.',
  'letters.sameResume': 'You have already applied to this vacancy with resume {{resume}}.',
  'letters.appliedOnHh': 'hh.ru shows you already applied to “{{vacancy}}” (outside the app). The app does not apply to a vacancy twice.',
  'letters.vacancyInFlight': "Another letter for this vacancy (resume {{resume}}) is being sent right now. Wait for hh.ru's answer to it.",
  'letters.employerSite': "Apply on the employer's site: {{url}}",
  'letters.interrupted': 'Interrupted; hh.ru has no record of it, so it may be sent again.',
  'letters.notValid': 'This letter is not sent: {{problems}}',
  'letters.discarded': 'The letter for “{{vacancy}}” was discarded, so it is not sent or changed. Restore it first.',
  'letters.notOpen': 'The letter for “{{vacancy}}” was already sent (or is being sent), so it cannot be changed or discarded.',
  'letters.newerLetter':
    'The vacancy “{{vacancy}}” has another unsent letter now, so the discarded one cannot come back. Discard that one first.',
  'letters.rewriteNeedsAi':
    'Without AI the letter is filled from your template again, and a wish like “{{instruction}}” has no one to follow it. Connect an AI in Settings → AI, or leave the wish empty.',
  'letters.nothingToRevert': 'The letter for “{{vacancy}}” has no earlier text to bring back.',
  'hh.noPath': 'No way to reach hh.ru for this right now ({{reasons, hhReasons}}). {{advice, hhReason}}.',
  'hh.signInFirst': 'hh.ru needs you signed in for this. {{advice, hhReason}}.',
  'hh.refused': 'hh.ru refused the request ({{reason}}).',
  'hh.refusedSignIn': 'hh.ru refused the sign-in request ({{reason}}).',
  'hh.signInFailed': 'hh.ru could not sign you in ({{reason}}). Try again.',
  'hh.refusedApplication': 'hh.ru refused the application ({{reason}}).',
  'hh.refusedRaise': 'hh.ru refused to raise the resume ({{reason}}).',
  'hh.raiseTooSoon': 'hh.ru raised this resume recently. It can be raised again at {{at, time}}.',
  'hh.refusedChat': 'hh.ru refused to show the chat ({{reason}}).',
  'hh.messageNotSent': 'hh.ru did not send the message ({{reason}}).',
  'hh.pageChanged': 'hh.ru changed its page and the app could not read it ({{what}}; {{url}}). Please report it.',
  'hh.cookiesFileUnreadable':
    'Cannot read the hh.ru cookies file {{path}} ({{reason}}). Export your hh.ru cookies as cookies.txt and point the app at it.',
  'hh.cookiesFileLine':
    'The hh.ru cookies file {{path}}, line {{line}}: {{problem}}. Export cookies.txt again from a browser signed in to hh.ru.',
  'ai.noModel': 'The AI service {{service}} has no model "{{model}}". Choose one it lists in Settings → AI: {{available}}.',
  'ai.rateLimited': 'The AI service {{service}} is getting too many requests from you. The app will try again in {{seconds}} s.',
  'ai.unavailableStatus': 'The AI service {{service}} is having problems right now (HTTP {{status}}). Try again in a few minutes.',
  'ai.rejected':
    'The AI service {{service}} rejected the request (HTTP {{status}}): {{reason}}. Check the model and its settings in Settings → AI.',
  'ai.rejectedNoReason':
    'The AI service {{service}} rejected the request (HTTP {{status}}). Check the model and its settings in Settings → AI.',
  'ai.timeout':
    'The AI service {{service}} did not answer within {{seconds}} s. It may be busy: try again later, or allow more time in Settings → AI.',
  'ai.keyAddressChanged':
    'The key was entered for {{was}}; the app does not send it to {{now}}. Enter the key again for the new address, or save without it.',
  'ai.gigachatNotHttps':
    "GigaChat is reached over https only, and {{url}} is not an https address. Fix it in Settings → AI, or clear it to use Sber's.",
  'ai.insecureNotConfirmed':
    'Confirm that the certificate of {{hosts}} is not to be checked: without the check, anyone on the network path can read your GigaChat key and your letters.',
  'vacancies.notALink': '“{{link}}” is not an hh.ru vacancy link or number. Paste a link like https://hh.ru/vacancy/123456.',
  'support.reportNotSaved':
    'The report could not be saved there ({{reason}}). Choose another folder, or free some disk space, and save it again.',
  'updates.checksum':
    'The download of version {{version}} does not match the checksum (sha512) published with it, so the app deleted it and installed nothing. It tries again at the next check.',
  'updates.signature': "Version {{version}} is not signed by the app's publisher, so the app deleted it and installed nothing.",
  'secrets.fileDamaged': 'The secrets file {{path}} is damaged. Move it away, restart the app and enter your secrets again.',
  'builder.finishFirst': 'Finish this interview first: letters can only use a written resume.',
  'builder.interviewFinished': 'This interview is finished: edit its resume, or start a new interview.',
  'builder.alreadyWritten': 'This resume is already written: edit it, or start a new interview.',
  'builder.answerFirst': 'Answer at least one question before finishing: the resume is written from your answers.',
  'builder.nothingToExport': 'Finish the interview first: there is no resume to export yet.',
  'chats.nothingToAnswer': 'There is no message from the employer to answer yet.',
  'hh.onlyHhPages': 'Only hh.ru pages can be opened here.',
  'app.autostartDesktopOnly': 'Starting at login is a setting of the desktop app; the browser mode has none.',
  'secrets.empty': 'The secret is empty. Paste the full key or token and try again.',
} as const satisfies Record<string, string>;

export type ErrorMessageKey = keyof typeof errorMessages;
export type ErrorParams = Record<string, string | number>;

/** The placeholders of a template, in order: `{{cap}}` and `{{at, time}}` give ['cap', 'at']. */
export const placeholdersOf = (template: string): string[] => [...template.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!);

/** Fills a template; `time` parameters become HH:MM in this process's time zone. */
export function formatErrorMessage(key: ErrorMessageKey, params: ErrorParams = {}): string {
  return errorMessages[key].replace(/\{\{\s*(\w+)\s*(?:,\s*(\w+))?\s*\}\}/g, (_all, name: string, format?: string) => {
    const value = params[name];
    if (value === undefined) return '';
    if (format === 'time' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
      const at = new Date(value);
      return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
    }
    if (format === 'hhReasons') return hhReasonsText(String(value), (transport, reason) => `${transport}: ${hhReasonSentence(reason)}`);
    if (format === 'hhReason') return capitalised(hhReasonSentence(String(value)));
    return String(value);
  });
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
