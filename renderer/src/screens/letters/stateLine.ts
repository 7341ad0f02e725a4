import type { ApplicationView } from '../../../../shared/contract';
import type { Budget } from './budget';

export type LineKind = 'limit' | 'problems' | 'unsupported' | 'failed' | 'putBack' | 'resumeUnread' | 'edited' | 'ready';
export type Severity = 'bad' | 'warn' | 'ok';

const SEVERITY: Record<LineKind, Severity> = {
  limit: 'bad',
  problems: 'bad',
  unsupported: 'warn',
  failed: 'bad',
  putBack: 'warn',
  resumeUnread: 'warn',
  edited: 'warn',
  ready: 'ok',
};

/**
 * The one thing to say about an unsent letter, the reason it cannot (or should not yet) go first:
 * "ready" in green above an orange fact-check warning and a disabled Send read as a contradiction.
 * Order: what blocks Send (the daily limit, problems in the text), what needs a look (claims the
 * resume does not back, why the last send did not go, a check made without the resume), then ready.
 */
export function stateLine(view: ApplicationView, options: { budget?: Budget; dirty: boolean }): { kind: LineKind; severity: Severity } {
  const { application, validation } = view;
  const kind = ((): LineKind => {
    if (options.budget && options.budget.remaining <= 0) return 'limit';
    if (options.dirty) return 'edited';
    if (!validation.ok) return 'problems';
    if (validation.unsupported.length) return 'unsupported';
    if (application.state === 'failed' && application.lastError) return 'failed';
    // Put back after a send that did not go (a captcha, the app closing): it says why, once.
    if (application.lastError && application.attempts > 0) return 'putBack';
    if (view.resumeUnread) return 'resumeUnread';
    return 'ready';
  })();
  return { kind, severity: SEVERITY[kind] };
}
