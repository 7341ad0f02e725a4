import { z } from 'zod';
import { applicationViewSchema, id, type AppErrorValue, type ChannelName, type LocalApiScope } from '../../../shared/contract';

export type Method = 'get' | 'post' | 'put' | 'delete';

export const tags = {
  hh: 'hh.ru account',
  automation: 'Automation',
  searches: 'Saved searches',
  vacancies: 'Vacancies',
  letters: 'Letters and applications',
  templates: 'Letter templates',
  chats: 'Chats',
  dashboard: 'Dashboard',
  profile: 'Profile',
  ai: 'AI settings',
  builder: 'Resume builder',
  app: 'App and activity log',
} as const;
export type Tag = keyof typeof tags;

interface RouteBase {
  method: Method;
  /** Under /api/v1; a `{name}` segment is the input field of that name. */
  path: string;
  summary: string;
  tag: Tag;
  /** 201 for a route that makes something, 204 for one that removes it (then no body). Default 200. */
  status?: 200 | 201 | 204;
  /** Default: read for GET, write for anything else. */
  scope?: LocalApiScope;
}

/** One contract channel over REST: the same validation, the same handler, the same errors. */
export interface ChannelRoute extends RouteBase {
  channel: ChannelName;
  /** Input fields the route itself sets (POST /automation/start is automation.setPaused with paused: false). */
  fixed?: Record<string, unknown>;
  /** The request body is this one input field (POST /searches takes the search itself). */
  bodyKey?: string;
}

/** A few channels in a row, for a task a script wants in one call (apply to a vacancy by its link). */
export interface CompositeRoute extends RouteBase {
  operation: string;
  input: z.ZodType;
  output: z.ZodType;
  run(invoke: Invoke, input: unknown): Promise<InvokeResult>;
}

export type Route = ChannelRoute | CompositeRoute;
export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: AppErrorValue };
export type Invoke = (name: ChannelName, input: unknown) => Promise<InvokeResult>;

const resumeHhId = z.string().trim().min(1).max(100).nullable().default(null);
export const applyInputSchema = z.union([
  z.object({ vacancyId: id, resumeHhId }).strict(),
  z.object({ link: z.string().trim().min(1, 'Paste an hh.ru vacancy link or its number').max(500), resumeHhId }).strict(),
]);

/** Manual apply: a vacancy the app has (its id) or any hh.ru vacancy (a link), a letter written now, and sent. */
const apply: CompositeRoute = {
  method: 'post',
  path: '/applications',
  operation: 'apply',
  summary:
    'Apply to a vacancy now: by its id in the app or by an hh.ru link (a letter is written, checked and sent; limits and pauses apply)',
  tag: 'letters',
  status: 201,
  input: applyInputSchema,
  output: applicationViewSchema,
  async run(invoke, raw) {
    const input = raw as z.output<typeof applyInputSchema>;
    let vacancyId: number;
    if ('link' in input) {
      const added = await invoke('vacancies.add', { link: input.link });
      if (!added.ok) return added;
      vacancyId = (added.value as { id: number }).id;
    } else {
      vacancyId = input.vacancyId;
    }
    const drafted = await invoke('letters.draft', { vacancyId, resumeHhId: input.resumeHhId });
    if (!drafted.ok) return drafted;
    return invoke('letters.send', { applicationId: (drafted.value as { application: { id: number } }).application.id });
  },
};

/**
 * Every REST route of the Local API. A contract channel is either here or in `excludedChannels`
 * with the reason (test/unit/local-api/routes.test.ts fails otherwise), so a new channel is a
 * decision, not an accident. To add one: a line here, and its sample in that test.
 */
export const routes: Route[] = [
  { method: 'get', path: '/info', channel: 'app.info', summary: 'The app: name, version, shell', tag: 'app' },
  { method: 'get', path: '/activity', channel: 'audit.list', summary: 'The activity log, newest first (filter by action)', tag: 'app' },

  { method: 'get', path: '/hh/status', channel: 'hh.status', summary: 'hh.ru sign-in status, account and resumes', tag: 'hh' },
  {
    method: 'post',
    path: '/hh/authorize',
    channel: 'hh.signIn',
    summary: "Start hh.ru sign-in: the authorize URL to open (headless), or the app's sign-in window (desktop)",
    tag: 'hh',
  },
  {
    method: 'post',
    path: '/hh/refresh',
    channel: 'hh.refresh',
    summary: 'Read the account and resumes from hh.ru again (the sign-in is refreshed as needed)',
    tag: 'hh',
  },
  { method: 'post', path: '/hh/sign-out', channel: 'hh.signOut', summary: 'Sign out of hh.ru', tag: 'hh' },
  {
    method: 'get',
    path: '/hh/capabilities',
    channel: 'hh.capabilities',
    summary: 'What the app can do on hh.ru now, and through which path',
    tag: 'hh',
  },
  {
    method: 'get',
    path: '/hh/pages',
    channel: 'hh.pages',
    summary: "The last check of hh.ru's pages: each page understood or not, and when",
    tag: 'hh',
  },
  {
    method: 'post',
    path: '/hh/pages/check',
    channel: 'hh.checkPages',
    summary: "Check hh.ru's pages now; a page not understood holds Autopilot's sending",
    tag: 'hh',
  },
  {
    method: 'put',
    path: '/hh/app',
    channel: 'hh.saveApp',
    summary: 'Your own dev.hh.ru application (the client secret is write-only)',
    tag: 'hh',
  },
  { method: 'delete', path: '/hh/app', channel: 'hh.forgetApp', summary: 'Forget your own dev.hh.ru application', tag: 'hh' },
  {
    method: 'get',
    path: '/hh/resumes/{resumeHhId}',
    channel: 'hh.resume',
    summary: 'One of your resumes in full, read from hh.ru',
    tag: 'hh',
  },
  {
    method: 'post',
    path: '/hh/resumes/{resumeHhId}/raise',
    channel: 'hh.raiseResume',
    summary: "Raise a resume in hh.ru's search",
    tag: 'hh',
  },
  { method: 'get', path: '/hh/dictionaries', channel: 'hh.dictionaries', summary: "hh.ru's dictionaries for search filters", tag: 'hh' },
  { method: 'get', path: '/hh/areas', channel: 'hh.areas', summary: "hh.ru's regions as a tree", tag: 'hh' },

  {
    method: 'get',
    path: '/automation',
    channel: 'automation.status',
    summary: 'Whether the automation works and why not, and every job',
    tag: 'automation',
  },
  {
    method: 'post',
    path: '/automation/start',
    channel: 'automation.setPaused',
    fixed: { paused: false },
    summary: 'Start (resume) the automation',
    tag: 'automation',
  },
  {
    method: 'post',
    path: '/automation/stop',
    channel: 'automation.setPaused',
    fixed: { paused: true },
    summary: 'Stop (pause) the automation',
    tag: 'automation',
  },
  {
    method: 'put',
    path: '/automation/quiet-hours',
    channel: 'automation.setQuietHours',
    summary: 'Quiet hours: no letters are sent between from and to',
    tag: 'automation',
  },
  {
    method: 'put',
    path: '/automation/raise-resumes',
    channel: 'automation.setRaiseResumes',
    summary: 'Raise resumes by itself every 4 hours',
    tag: 'automation',
  },
  {
    method: 'put',
    path: '/automation/answer-bots',
    channel: 'automation.setAnswerBots',
    summary: "Answer employer bots' questionnaires by itself",
    tag: 'automation',
  },
  {
    method: 'post',
    path: '/automation/jobs/{job}/cancel',
    channel: 'automation.cancel',
    summary: 'Stop a run under way after its current step',
    tag: 'automation',
  },

  { method: 'get', path: '/searches', channel: 'searches.list', summary: 'Saved searches', tag: 'searches' },
  {
    method: 'post',
    path: '/searches',
    channel: 'searches.save',
    bodyKey: 'search',
    status: 201,
    summary: 'Create a saved search (answers with every saved search)',
    tag: 'searches',
  },
  { method: 'put', path: '/searches/{id}', channel: 'searches.save', bodyKey: 'search', summary: 'Change a saved search', tag: 'searches' },
  { method: 'delete', path: '/searches/{id}', channel: 'searches.delete', status: 204, summary: 'Delete a saved search', tag: 'searches' },
  {
    method: 'post',
    path: '/searches/{id}/run',
    channel: 'searches.run',
    summary: 'Run a saved search now: hh.ru is asked, new vacancies are kept',
    tag: 'searches',
  },

  {
    method: 'get',
    path: '/vacancies',
    channel: 'vacancies.list',
    summary:
      'Vacancies, filtered by status (statuses=found,applied), text (query), saved search (searchId), salary at least (salaryFrom), ' +
      'region (area: id or name), employer (id or name), recency (days, since=YYYY-MM-DD) and hh.ru recommendations ' +
      '(recommended=true); sorted by date, salary or score (sort)',
    tag: 'vacancies',
  },
  { method: 'get', path: '/vacancies/counts', channel: 'vacancies.counts', summary: 'How many vacancies in each status', tag: 'vacancies' },
  {
    method: 'get',
    path: '/vacancies/retention',
    channel: 'vacancies.retention.get',
    summary: 'How many days a vacancy set aside or closed keeps its description',
    tag: 'vacancies',
  },
  {
    method: 'put',
    path: '/vacancies/retention',
    channel: 'vacancies.retention.set',
    summary: 'Change how many days a vacancy set aside or closed keeps its description (14-3650)',
    tag: 'vacancies',
  },
  {
    method: 'post',
    path: '/vacancies',
    channel: 'vacancies.add',
    status: 201,
    summary: 'Add a vacancy by its hh.ru link or number',
    tag: 'vacancies',
  },
  {
    method: 'post',
    path: '/vacancies/recommended',
    channel: 'vacancies.recommended',
    summary: "Keep hh.ru's recommendations for a resume",
    tag: 'vacancies',
  },
  { method: 'get', path: '/vacancies/{id}', channel: 'vacancies.get', summary: 'One vacancy in full', tag: 'vacancies' },
  {
    method: 'post',
    path: '/vacancies/{id}/ignore',
    channel: 'vacancies.setStatus',
    fixed: { status: 'ignored' },
    summary: 'Set a vacancy aside',
    tag: 'vacancies',
  },
  {
    method: 'post',
    path: '/vacancies/{id}/restore',
    channel: 'vacancies.setStatus',
    fixed: { status: 'found' },
    summary: 'Bring back a vacancy set aside',
    tag: 'vacancies',
  },
  {
    method: 'post',
    path: '/vacancies/{id}/hide',
    channel: 'vacancies.hide',
    summary: 'Set a vacancy aside and hide it on hh.ru too',
    tag: 'vacancies',
  },
  {
    method: 'post',
    path: '/vacancies/{id}/score',
    channel: 'vacancies.score',
    summary: 'How well the vacancy fits a resume, by the AI (kept)',
    tag: 'vacancies',
  },
  {
    method: 'get',
    path: '/vacancies/{id}/score',
    channel: 'vacancies.keptScore',
    summary: 'The kept AI score, if any (never asks the AI)',
    tag: 'vacancies',
  },
  {
    method: 'post',
    path: '/vacancies/{vacancyId}/letter',
    channel: 'letters.draft',
    status: 201,
    summary: 'Write a letter for a vacancy now, kept as a draft',
    tag: 'letters',
  },
  { method: 'get', path: '/blacklist', channel: 'blacklist.list', summary: 'Employers you never want to hear from', tag: 'vacancies' },
  {
    method: 'post',
    path: '/blacklist',
    channel: 'blacklist.add',
    status: 201,
    summary: 'Blacklist an employer (also hidden on hh.ru)',
    tag: 'vacancies',
  },
  {
    method: 'delete',
    path: '/blacklist/{employerId}',
    channel: 'blacklist.remove',
    status: 204,
    summary: 'Remove an employer from the blacklist',
    tag: 'vacancies',
  },

  {
    method: 'get',
    path: '/letters',
    channel: 'letters.list',
    summary: 'Letters and applications, filtered by state (states=draft,sent); discarded=true lists the discarded ones',
    tag: 'letters',
  },
  {
    method: 'put',
    path: '/letters/{applicationId}',
    channel: 'letters.update',
    summary: 'Edit a letter (409 once it is sent)',
    tag: 'letters',
  },
  {
    method: 'post',
    path: '/letters/{applicationId}/discard',
    channel: 'letters.discard',
    summary: 'Discard an unsent letter: it leaves the list and is never sent (undo: restore)',
    tag: 'letters',
  },
  {
    method: 'post',
    path: '/letters/{applicationId}/restore',
    channel: 'letters.restore',
    summary: 'Bring back a discarded letter',
    tag: 'letters',
  },
  {
    method: 'post',
    path: '/letters/{applicationId}/skip',
    channel: 'letters.skip',
    summary: "Set the letter's vacancy aside (hideOnHh: hide it on hh.ru too) and discard the letter",
    tag: 'letters',
  },
  {
    method: 'post',
    path: '/letters/{applicationId}/rewrite',
    channel: 'letters.rewrite',
    summary: 'A new text for the letter, checked, not kept (accept it with PUT and keepPrevious)',
    tag: 'letters',
  },
  {
    method: 'post',
    path: '/letters/{applicationId}/revert',
    channel: 'letters.revert',
    summary: 'Bring back the text before the last accepted rewrite',
    tag: 'letters',
  },
  {
    method: 'post',
    path: '/letters/{applicationId}/send',
    channel: 'letters.send',
    summary: 'Send a letter now (checked, capped and paced as in the app)',
    tag: 'letters',
  },
  {
    method: 'post',
    path: '/letters/{applicationId}/mark-sent',
    channel: 'letters.markSent',
    summary: 'Record a letter you sent on hh.ru yourself',
    tag: 'letters',
  },
  {
    method: 'post',
    path: '/letters/validate',
    channel: 'letters.validate',
    scope: 'read',
    summary: 'Check a letter text as the app would before sending',
    tag: 'letters',
  },
  {
    method: 'post',
    path: '/templates/try',
    channel: 'templates.try',
    summary: 'Write a trial letter for any vacancy (not kept)',
    tag: 'templates',
  },
  apply,
  {
    method: 'get',
    path: '/applying',
    channel: 'applying.status',
    summary: 'The daily limit, what is left, and the pauses between applications',
    tag: 'letters',
  },
  {
    method: 'put',
    path: '/applying',
    channel: 'applying.setSettings',
    summary: 'Change the daily limit and pauses (only the fields given)',
    tag: 'letters',
  },
  { method: 'get', path: '/templates', channel: 'templates.list', summary: 'Letter templates', tag: 'templates' },
  {
    method: 'post',
    path: '/templates',
    channel: 'templates.save',
    status: 201,
    summary: 'Create a letter template',
    tag: 'templates',
  },
  { method: 'put', path: '/templates/{id}', channel: 'templates.save', summary: 'Change a letter template', tag: 'templates' },
  {
    method: 'delete',
    path: '/templates/{id}',
    channel: 'templates.delete',
    status: 204,
    summary: 'Delete a letter template',
    tag: 'templates',
  },

  {
    method: 'get',
    path: '/chats',
    channel: 'chats.list',
    summary: 'Responses and employer chats (unreadOnly=true for the unread ones)',
    tag: 'chats',
  },
  { method: 'post', path: '/chats/sync', channel: 'chats.sync', summary: 'Read what changed on hh.ru into the app', tag: 'chats' },
  { method: 'get', path: '/chats/{chatId}/messages', channel: 'chats.messages', summary: "A chat's messages", tag: 'chats' },
  { method: 'post', path: '/chats/{chatId}/messages', channel: 'chats.send', status: 201, summary: 'Reply in a chat', tag: 'chats' },
  {
    method: 'post',
    path: '/chats/{chatId}/draft-reply',
    channel: 'chats.draftReply',
    summary: 'A reply drafted by the AI (never sent by itself)',
    tag: 'chats',
  },

  { method: 'get', path: '/dashboard', channel: 'dashboard.get', summary: "The dashboard's numbers for 1, 7 or 30 days", tag: 'dashboard' },

  {
    method: 'get',
    path: '/profile',
    channel: 'profile.get',
    summary: 'Your name and contacts, which every letter ends with',
    tag: 'profile',
  },
  { method: 'put', path: '/profile', channel: 'profile.set', summary: 'Change your name and contacts', tag: 'profile' },
  { method: 'get', path: '/profile/resume', channel: 'profile.resume', summary: 'The resume letters are written with', tag: 'profile' },
  {
    method: 'put',
    path: '/profile/resume',
    channel: 'profile.setResume',
    summary: 'Choose the resume letters are written with',
    tag: 'profile',
  },
  {
    method: 'get',
    path: '/profile/resume/content',
    channel: 'profile.resumeContent',
    summary: 'What letters read from a resume (the chosen one when none is named)',
    tag: 'profile',
  },
  {
    method: 'post',
    path: '/profile/resume/refresh',
    channel: 'profile.refreshResume',
    summary: 'Read a resume from hh.ru again after it changed there',
    tag: 'profile',
  },

  { method: 'get', path: '/builder/interviews', channel: 'builder.list', summary: 'Resume interviews, newest first', tag: 'builder' },
  {
    method: 'post',
    path: '/builder/interviews',
    channel: 'builder.create',
    status: 201,
    summary: 'Start a resume interview (from scratch or from an hh.ru resume)',
    tag: 'builder',
  },
  {
    method: 'get',
    path: '/builder/interviews/{id}',
    channel: 'builder.get',
    summary: 'An interview with its questions, answers and resume',
    tag: 'builder',
  },
  {
    method: 'delete',
    path: '/builder/interviews/{id}',
    channel: 'builder.delete',
    status: 204,
    summary: 'Delete an interview and its answers',
    tag: 'builder',
  },
  {
    method: 'post',
    path: '/builder/interviews/{id}/answers',
    channel: 'builder.answer',
    summary: 'Answer the current question; the next one comes back',
    tag: 'builder',
  },
  {
    method: 'post',
    path: '/builder/interviews/{id}/ask',
    channel: 'builder.ask',
    summary: 'Ask the next question again after a failure',
    tag: 'builder',
  },
  {
    method: 'post',
    path: '/builder/interviews/{id}/finish',
    channel: 'builder.finish',
    summary: 'Write the resume from the answers and check it against them',
    tag: 'builder',
  },
  {
    method: 'put',
    path: '/builder/interviews/{id}/resume',
    channel: 'builder.saveResume',
    summary: 'Save an edited resume (checked again)',
    tag: 'builder',
  },
  {
    method: 'get',
    path: '/builder/letters-resume',
    channel: 'builder.lettersResume',
    summary: 'The built resume letters use, if any',
    tag: 'builder',
  },
  {
    method: 'put',
    path: '/builder/letters-resume',
    channel: 'builder.setLettersResume',
    summary: 'Let letters use a built resume beside or instead of the hh.ru one',
    tag: 'builder',
  },

  {
    method: 'get',
    path: '/ai/settings',
    channel: 'ai.settings.get',
    summary: 'The AI service and its settings (whether a key is stored, never the key)',
    tag: 'ai',
  },
  { method: 'put', path: '/ai/settings', channel: 'ai.settings.set', summary: 'Change the AI service (keys are write-only)', tag: 'ai' },
  { method: 'post', path: '/ai/test', channel: 'ai.test', summary: 'Test the connection to the AI service', tag: 'ai' },
];

/** Channels the Local API does not offer, and why. */
export const excludedChannels: Partial<Record<ChannelName, string>> = {
  'app.ping': "The window's connectivity check; GET /info answers the same question.",
  'automation.get': 'GET /automation tells the same and more.',
  'preferences.get': "The window's own language, theme and last screen.",
  'preferences.set': "The window's own language, theme and last screen.",
  'notices.list': "The window's banners.",
  'notices.dismiss': "The window's banners.",
  'app.startup.get': 'Starting with the system is a setting of this computer, changed in the window.',
  'app.startup.set': 'Starting with the system is a setting of this computer, changed in the window.',
  'vault.status': 'How secrets are stored is changed only in the window.',
  'vault.acceptWeakProtection': 'How secrets are stored is changed only in the window.',
  'hh.signInWebsite': "Opens the app's hh.ru window: a person signs in there.",
  'hh.openPage': "Opens a page in the app's hh.ru window.",
  'letters.assist': "hh.ru's own form in the app's window, for a person to press its button.",
  'builder.export':
    "Saves a file through the desktop's save dialog: a person picks where; GET /builder/interviews/{id} gives the Markdown.",
  'localApi.status': 'Tokens and the Local API itself are managed only in the window: a token cannot make tokens.',
  'localApi.setEnabled': 'Tokens and the Local API itself are managed only in the window: a token cannot make tokens.',
  'localApi.tokens': 'Tokens and the Local API itself are managed only in the window: a token cannot make tokens.',
  'localApi.createToken': 'Tokens and the Local API itself are managed only in the window: a token cannot make tokens.',
  'localApi.revoke': 'Tokens and the Local API itself are managed only in the window: a token cannot make tokens.',
  'localApi.rotate': 'Tokens and the Local API itself are managed only in the window: a token cannot make tokens.',
  'support.openLogs': "Opens a folder on this computer's screen, for a person.",
  'support.saveReport':
    "The report holds the app's log and settings: a person saves it through the window and decides to send it; a token does not take it away.",
  'updates.get': "The app's own updates are the desktop window's: a script has no use for them, and the browser mode has none.",
  'updates.check': "The app's own updates are the desktop window's: a script has no use for them, and the browser mode has none.",
  'updates.setAuto': 'Whether the app updates itself is decided in the window only: a token cannot turn security fixes off.',
  'updates.restart': "Restarting the app into an update is the person at the window's decision: a token cannot quit the app.",
};

export const API_PREFIX = '/api/v1';
export const isChannelRoute = (route: Route): route is ChannelRoute => 'channel' in route;
export const scopeOf = (route: Route): LocalApiScope => route.scope ?? (route.method === 'get' ? 'read' : 'write');

/**
 * Paths renamed in 0.2.0, when each feature got one name in every layer (the resume builder is
 * /builder, the dashboard /dashboard, the Letter lab /templates/try). The old paths answer for one
 * more release, until 0.3.0, with a `Deprecation` header and a `Link` to the new one; /docs lists
 * only the new ones.
 */
export const renamedPaths: readonly (readonly [from: string, to: string])[] = [
  ['/interviews', '/builder/interviews'],
  ['/letters/built-resume', '/builder/letters-resume'],
  ['/stats', '/dashboard'],
  ['/letters/lab', '/templates/try'],
];

/** The current path for an address under API_PREFIX, and the old one it was asked by, if it was. */
export function currentPath(path: string): { path: string; renamedFrom?: string } {
  for (const [from, to] of renamedPaths) {
    const old = API_PREFIX + from;
    if (path === old || path.startsWith(`${old}/`)) return { path: API_PREFIX + to + path.slice(old.length), renamedFrom: path };
  }
  return { path };
}
