import type { ChatMessage, TextProvider, Usage } from '../../ai/provider';
import { extractJsonObject } from '../../ai/text/json-answer';
import { normalizeForMatch } from '../../ai/text/normalize';
import { truncateText } from '../../ai/text/truncate';
import { classifyByRules, replyKinds, type Classification, type IncomingMessage, type ReplyKind } from './rules';

export interface ClassifyInput {
  provider: TextProvider;
  message: IncomingMessage;
  /** Earlier messages, oldest first: a bot's second question reads like a person's without them. */
  history?: IncomingMessage[];
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface ClassifyResult {
  classification: Classification;
  usage: Usage | null;
  model: string | null;
}

const SYSTEM = [
  'You classify a message an employer sent a job applicant in an hh.ru chat. Kinds:',
  '- "bot": an automatic questionnaire or chat-bot (templated questions, numbered steps, "choose an option").',
  '- "human": a person writing in their own words (questions, clarifications, small talk).',
  '- "rejection": the application is declined.',
  '- "invitation": an invitation to an interview, a call or a meeting.',
  'The message may be in Russian. Answer with exactly one JSON object and nothing else:',
  '{"kind": "bot" | "human" | "rejection" | "invitation", "confidence": <0 to 1>, "reason": "<one short line in English>"}',
].join('\n');

const AUTHOR = { employer: 'Employer', bot: 'Employer (marked as bot)', me: 'Applicant' } as const;

// When the model cannot say, "human" is the safe answer: a human's message is never answered automatically.
const fallback = (reason: string): Classification => ({ kind: 'human', confidence: 0, reason, source: 'fallback' });

/** Rules first; the model only for what they leave open; "human" when neither can tell. */
export async function classifyMessage(input: ClassifyInput): Promise<ClassifyResult> {
  const byRules = classifyByRules(input.message);
  if (byRules) return { classification: byRules, usage: null, model: null };
  if (input.provider.kind === 'template') {
    return {
      classification: fallback('No AI model is set up, so the message is treated as written by a person.'),
      usage: null,
      model: null,
    };
  }
  const completion = await input.provider.complete(classifyPrompt(input.message, input.history ?? []), {
    signal: input.signal,
    timeoutMs: input.timeoutMs,
    temperature: 0.1,
    maxTokens: 150,
  });
  return { classification: parseClassification(completion.text), usage: completion.usage, model: completion.model };
}

function classifyPrompt(message: IncomingMessage, history: IncomingMessage[]): ChatMessage[] {
  const earlier = history
    .slice(-4)
    .map((item) => `${AUTHOR[item.author]}: ${truncateText(item.text, 400).text}`)
    .join('\n');
  const user = [earlier && `Earlier messages:\n${earlier}\n`, `Message to classify:\n${truncateText(message.text, 2_000).text}`]
    .filter(Boolean)
    .join('\n');
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: user },
  ];
}

const isKind = (value: unknown): value is ReplyKind => typeof value === 'string' && (replyKinds as readonly string[]).includes(value);

/** The model's verdict, tolerating prose around the JSON; "human" when it cannot be read. */
export function parseClassification(text: string): Classification {
  const json = extractJsonObject(text);
  const kind = typeof json?.kind === 'string' ? json.kind.trim().toLowerCase() : undefined;
  if (isKind(kind)) {
    const raw = Number(json?.confidence);
    const confidence = Number.isFinite(raw) ? Math.min(1, Math.max(0, raw > 1 ? raw / 100 : raw)) : 0.5;
    const reason = typeof json?.reason === 'string' ? json.reason.replace(/\s+/g, ' ').trim().slice(0, 300) : '';
    return { kind, confidence, reason, source: 'model' };
  }
  // A bare word ("human") is a clear enough answer; several kinds named are not.
  const named = replyKinds.filter((candidate) => new RegExp(`\\b${candidate}\\b`).test(normalizeForMatch(text)));
  if (named.length === 1)
    return { kind: named[0]!, confidence: 0.5, reason: 'The model named the kind without the JSON asked for.', source: 'model' };
  return fallback("The model's answer could not be read, so the message is treated as written by a person.");
}
