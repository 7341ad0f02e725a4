import type { ChatMessage, Completion, CompletionOptions, ModelInfo, ProviderKind, TextProvider } from '../../main/core/ai/provider';

/** What the fake answers: a text, a full completion, an error to throw, or a function of the request. */
export type FakeReply =
  string | Partial<Completion> | Error | ((messages: ChatMessage[], options: CompletionOptions) => string | Partial<Completion>);

export interface FakeCall {
  messages: ChatMessage[];
  options: CompletionOptions;
}

/**
 * An in-memory TextProvider: answers from a script, in order (the last one repeats), and records
 * every call so tests can check what was asked and how often.
 */
export class FakeProvider implements TextProvider {
  readonly calls: FakeCall[] = [];
  readonly #replies: FakeReply[];

  constructor(
    replies: FakeReply | FakeReply[] = 'ok',
    readonly kind: ProviderKind = 'openai',
    readonly model = 'fake-model',
  ) {
    this.#replies = Array.isArray(replies) ? replies : [replies];
  }

  get callCount(): number {
    return this.calls.length;
  }

  /** The text of the system and user messages of call `index` (default: the last). */
  prompt(index = this.calls.length - 1): string {
    return (this.calls[index]?.messages ?? []).map((message) => message.content).join('\n');
  }

  async complete(messages: ChatMessage[], options: CompletionOptions = {}): Promise<Completion> {
    options.signal?.throwIfAborted();
    this.calls.push({ messages, options });
    const reply = this.#replies[Math.min(this.calls.length - 1, this.#replies.length - 1)]!;
    if (reply instanceof Error) throw reply;
    const answer = typeof reply === 'function' ? reply(messages, options) : reply;
    const completion = typeof answer === 'string' ? { text: answer } : answer;
    const text = completion.text ?? '';
    const promptTokens = Math.ceil(messages.reduce((sum, message) => sum + message.content.length, 0) / 4);
    const completionTokens = Math.ceil(text.length / 4);
    return {
      text,
      usage: completion.usage ?? { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens },
      model: completion.model ?? this.model,
      finishReason: completion.finishReason ?? 'stop',
    };
  }

  async listModels(): Promise<ModelInfo[]> {
    return [{ id: this.model }];
  }

  async check(): Promise<{ model: string; models: ModelInfo[] }> {
    return { model: this.model, models: await this.listModels() };
  }
}
