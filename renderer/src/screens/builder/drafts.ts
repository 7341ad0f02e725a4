/**
 * What the user typed and has not sent or saved yet, per interview: an answer, an edited resume.
 * Kept while the window is open, so switching to another interview or screen and back loses nothing.
 */
const drafts = new Map<string, string>();

export const draftOf = (interviewId: number, kind: 'answer' | 'resume'): string | undefined => drafts.get(`${interviewId}:${kind}`);

export function keepDraft(interviewId: number, kind: 'answer' | 'resume', text: string | undefined): void {
  if (text === undefined) drafts.delete(`${interviewId}:${kind}`);
  else drafts.set(`${interviewId}:${kind}`, text);
}
