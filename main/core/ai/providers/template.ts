import type { ChatMessage, Completion, CompletionOptions, TextProvider } from '../provider';
import { AppError } from '../../errors';

/**
 * The convention between the letter writer and the template provider: the writer fills the
 * user's template itself and puts the result in the last user message between these tags; the
 * provider returns exactly that text. A last user message without the tags is returned whole, so
 * a plain "here is the letter" message works too. Anything else (system prompts, earlier turns,
 * options) is ignored: no model, no network, the same input always gives the same letter.
 */
export const TEMPLATE_OPEN = '<template>';
export const TEMPLATE_CLOSE = '</template>';

export const TEMPLATE_MODEL = 'template';

/** For the letter writer: wraps an already filled template the way `templateSection` expects. */
export const wrapTemplate = (filled: string): string => `${TEMPLATE_OPEN}\n${filled}\n${TEMPLATE_CLOSE}`;

/** The text between the first <template> and the last </template>, minus the newline each tag sits on. */
export function templateSection(content: string): string {
  const start = content.indexOf(TEMPLATE_OPEN);
  const end = content.lastIndexOf(TEMPLATE_CLOSE);
  if (start === -1 || end < start) return content;
  return content
    .slice(start + TEMPLATE_OPEN.length, end)
    .replace(/^\r?\n/, '')
    .replace(/\r?\n$/, '');
}

const badInput = (message: string) => AppError.of('ai_bad_request', message, { next: { kind: 'fix_input' } });

export function createTemplateProvider(): TextProvider {
  const models = [{ id: TEMPLATE_MODEL }];
  return {
    kind: 'template',

    async complete(messages: ChatMessage[], options: CompletionOptions = {}): Promise<Completion> {
      options.signal?.throwIfAborted();
      const last = messages.findLast((message) => message.role === 'user');
      if (!last) throw badInput('The template provider got no text to return: the letter template is empty.');
      const text = templateSection(last.content);
      if (!text.trim()) throw badInput('Your letter template is empty: write one before drafting letters with it.');
      // No model, no tokens: zero usage is the honest count.
      return { text, usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 }, model: TEMPLATE_MODEL, finishReason: 'stop' };
    },

    async listModels(options = {}) {
      options.signal?.throwIfAborted();
      return [...models];
    },

    async check(options = {}) {
      options.signal?.throwIfAborted();
      return { model: TEMPLATE_MODEL, models: [...models] };
    },
  };
}
