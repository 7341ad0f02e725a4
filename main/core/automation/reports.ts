import { jobReportSchema, type JobReport } from '../../../shared/contract';

type Params = JobReport['params'];

/** A run's record as the scheduler stores it: the report as JSON (job_runs.message). */
export const record = (key: JobReport['key'], params: Params = {}): string => JSON.stringify({ key, params });

/** The report in a stored line, or null for a line that is not one (a failure's own sentence, a line from an older version). */
export function readRecord(message: string | null): JobReport | null {
  if (!message?.startsWith('{')) return null;
  try {
    const parsed = jobReportSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const n = (params: Params, key: string) => Number(params[key] ?? 0);

/** The English line for the CLI, logs and the activity event; the window translates the report itself. */
export function english(report: JobReport): string {
  const p = report.params;
  switch (report.key) {
    case 'found':
      return `${n(p, 'added')} new of ${n(p, 'found')}`;
    case 'searchCancelled':
      return `${n(p, 'added')} new of ${n(p, 'found')}; cancelled by you after ${n(p, 'drafted')} letters drafted, ${n(p, 'sent')} sent`;
    case 'searchDone': {
      const held = n(p, 'heldBack') ? `, ${n(p, 'heldBack')} kept for your review (claims your resume does not back)` : '';
      const stopped = p.stoppedBy ? `; stopped: ${p.stoppedBy}` : '';
      return `${n(p, 'added')} new of ${n(p, 'found')}; ${n(p, 'skipped')} set aside, ${n(p, 'drafted')} letters drafted, ${n(p, 'sent')} sent${held}, ${n(p, 'needsManual')} for you to apply by hand${stopped}`;
    }
    case 'sync': {
      const answered = n(p, 'answered') ? `, ${n(p, 'answered')} bot questions answered` : '';
      return `${n(p, 'chats')} responses with news, ${n(p, 'messages')} new messages (${n(p, 'people')} from people), ${n(p, 'invitations')} invitations, ${n(p, 'drafts')} reply drafts${answered}`;
    }
    case 'syncBaseline':
      return `first read of ${n(p, 'chats')} responses: taken as they are, nothing announced`;
    case 'notSignedIn':
      return 'skipped: not signed in to hh.ru';
    case 'raised':
      return `${n(p, 'count')} resumes raised`;
    case 'apiChecked':
      return 'API sign-in checked';
    case 'noApiSignIn':
      return 'no API sign-in';
    case 'checkpoint':
      return 'checkpoint written';
    case 'checkpointTrimmed':
      return `checkpoint written; ${n(p, 'trimmed')} old vacancies kept without their description (${n(p, 'freedMb')} MB freed)`;
    case 'cancelled':
      return 'cancelled by you';
    case 'failed':
      return String(p.message ?? p.code ?? 'failed');
  }
}
