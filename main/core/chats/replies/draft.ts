import type { Profile } from '../../../../shared/domain';
import type { LetterLanguage, LetterProblem } from '../../../../shared/domain/letter';
import { AppError, say } from '../../errors';
import type { TextProvider, Usage } from '../../ai/provider';
import { cleanModelText } from '../../ai/text/clean';
import { findAiDisclaimer, findMarkdown, findPlaceholders } from '../../ai/text/detectors';
import { detectLanguage } from '../../ai/text/language';
import type { ResumeText } from '../../ai/text/resume-facts';
import type { VacancyText } from '../../ai/text/vacancy-text';
import { matchButton } from './buttons';
import { classifyMessage } from './classify';
import { buildReplyPrompt, type ReplyContext, type ReplyTask } from './prompt';
import type { Classification, IncomingMessage, ReplyKind } from './rules';

export interface DraftReplyInput {
  provider: TextProvider;
  /** The chat so far, oldest first; the reply answers the last message not written by the user. */
  messages: IncomingMessage[];
  resume: ResumeText | null;
  profile: Pick<Profile, 'name' | 'telegram' | 'email' | 'phone' | 'links'> & Partial<Pick<Profile, 'salaryExpectation'>>;
  vacancy?: VacancyText | null;
  /** A verdict made earlier (e.g. stored for the chat); classified here when absent. */
  classification?: Classification;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export type ReplyNoteCode = 'no_button_matched' | 'model_unsure' | 'no_model';

export interface ReplyDraft {
  /** The proposed reply; empty when the user has to write or choose it. */
  text: string;
  kind: ReplyKind;
  classification: Classification;
  /** Set when the message offers buttons: the reply must be exactly one of these texts. */
  mustBeOneOf?: string[];
  /** True only for a bot questionnaire whose reply is exactly one of its buttons. */
  autoSendAllowed: boolean;
  /** Why the user has to step in, when they do. */
  note?: { code: ReplyNoteCode; message: string };
  /** What the user should fix before sending a free-text draft. */
  problems: LetterProblem[];
  usage: Usage;
  model: string | null;
}

const FIXED: Record<'rejection' | 'invitation', Record<LetterLanguage, string>> = {
  rejection: {
    ru: 'Спасибо за обратную связь и уделённое время! Желаю успехов в поиске сотрудника.',
    en: 'Thank you for the feedback and for your time. I wish you success in finding the right person.',
  },
  invitation: {
    ru: 'Здравствуйте! Спасибо за приглашение, мне интересно пообщаться. Подскажите, пожалуйста, какие варианты времени вам удобны?',
    en: 'Hello! Thank you for the invitation, I would be glad to talk. Which times would suit you?',
  },
};

const NOTES: Record<ReplyNoteCode, string> = {
  no_button_matched: "The AI's answer is not one of the offered buttons. Choose the answer yourself.",
  model_unsure: 'Your resume does not answer this question. Choose the answer yourself.',
  no_model: 'No AI model is set up, so this reply is yours to write.',
};

const addUsage = (a: Usage, b: Usage | null): Usage =>
  b
    ? {
        promptTokens: a.promptTokens + b.promptTokens,
        completionTokens: a.completionTokens + b.completionTokens,
        totalTokens: a.totalTokens + b.totalTokens,
      }
    : a;

/**
 * A reply to the employer's latest message. Only a bot questionnaire answered by exactly one of
 * its buttons may go out by itself; everything else waits for the user.
 */
export async function draftReply(input: DraftReplyInput): Promise<ReplyDraft> {
  const { provider, messages, signal, timeoutMs } = input;
  signal?.throwIfAborted();
  const targetIndex = messages.findLastIndex((message) => message.author !== 'me');
  if (targetIndex === -1) throw AppError.of('invalid_input', say('chats.nothingToAnswer'));
  const target = messages[targetIndex]!;
  const history = messages.slice(0, targetIndex + 1);

  let usage: Usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  let model: string | null = null;
  let classification = input.classification;
  if (!classification) {
    const result = await classifyMessage({ provider, message: target, history: history.slice(0, -1), signal, timeoutMs });
    classification = result.classification;
    usage = addUsage(usage, result.usage);
    model = result.model;
  }
  const { kind } = classification;
  const language = detectLanguage(target.text);
  const context: ReplyContext = {
    messages: history,
    target,
    resume: input.resume,
    profile: input.profile,
    vacancy: input.vacancy ?? null,
    language,
  };
  const draft = (text: string, extra: Partial<ReplyDraft> = {}): ReplyDraft => ({
    text,
    kind,
    classification: classification!,
    autoSendAllowed: false,
    problems: text ? replyProblems(text) : [],
    usage,
    model,
    ...extra,
  });
  const ask = async (task: ReplyTask) => {
    const completion = await provider.complete(buildReplyPrompt(context, task), {
      signal,
      timeoutMs,
      temperature: task === 'buttons' ? 0.1 : 0.5,
      maxTokens: task === 'buttons' ? 60 : 400,
    });
    usage = addUsage(usage, completion.usage);
    model = completion.model;
    return completion.text;
  };

  if (target.buttons.length > 0) {
    const mustBeOneOf = [...target.buttons];
    if (provider.kind === 'template') return draft('', { mustBeOneOf, note: note('no_model') });
    const match = matchButton(await ask('buttons'), mustBeOneOf);
    if (match.kind !== 'matched')
      return draft('', { mustBeOneOf, note: note(match.kind === 'unsure' ? 'model_unsure' : 'no_button_matched') });
    // The button's own text, never the model's spelling of it: hh.ru compares exactly.
    return { ...draft(match.button, { mustBeOneOf }), problems: [], autoSendAllowed: kind === 'bot' };
  }
  if (kind === 'rejection') return draft(FIXED.rejection[language]);
  if (provider.kind === 'template') {
    return kind === 'invitation' ? draft(FIXED.invitation[language]) : draft('', { note: note('no_model') });
  }
  const text = cleanModelText(await ask(kind === 'invitation' ? 'invitation' : 'reply'));
  return draft(text, { problems: replyProblems(text) });
}

const note = (code: ReplyNoteCode) => ({ code, message: NOTES[code] });

/** The letter checks that make sense for a chat message (no contacts block, no length rule). */
function replyProblems(text: string): LetterProblem[] {
  const problems: LetterProblem[] = [];
  if (!text.trim()) problems.push({ code: 'empty', message: 'The AI returned an empty reply. Write it yourself or try again.' });
  const placeholders = findPlaceholders(text);
  if (placeholders.length)
    problems.push({
      code: 'placeholder',
      message: `The reply has blanks nobody filled in: ${placeholders.map((p) => `"${p}"`).join(', ')}.`,
    });
  const markdown = findMarkdown(text);
  if (markdown.length)
    problems.push({
      code: 'markdown',
      message: `The reply has formatting marks hh.ru would show as raw characters (${markdown.join(', ')}).`,
    });
  const disclaimer = findAiDisclaimer(text);
  if (disclaimer) problems.push({ code: 'ai_disclaimer', message: `The reply has the model talking about itself ("${disclaimer}").` });
  return problems;
}
