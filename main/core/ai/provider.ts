/**
 * The one shape every text model takes in the app: GigaChat, any OpenAI-compatible service, or the
 * user's own template (no model at all). Letters, chat replies and scoring depend on this only.
 */

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface CompletionOptions {
  /** Abort from the caller (user pressed Stop, app quitting). */
  signal?: AbortSignal;
  /** Per-call limit; the provider's default applies when absent. */
  timeoutMs?: number;
  maxTokens?: number;
  temperature?: number;
  /** Model id; the provider's configured model when absent. */
  model?: string;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface Completion {
  text: string;
  usage: Usage;
  model: string;
  /** 'stop' normally; 'length' when cut at maxTokens. Refusals are errors, never completions. */
  finishReason: 'stop' | 'length';
}

export type ProviderKind = 'gigachat' | 'openai' | 'template';

export interface ModelInfo {
  id: string;
  ownedBy?: string;
}

export interface TextProvider {
  readonly kind: ProviderKind;
  complete(messages: ChatMessage[], options?: CompletionOptions): Promise<Completion>;
  /** What the account really has; the template provider has one pseudo-model. */
  listModels(options?: { signal?: AbortSignal; timeoutMs?: number }): Promise<ModelInfo[]>;
  /**
   * "Test connection" in Settings: proves the key, the network/TLS and the chosen model work,
   * or throws the typed error that says which one does not.
   */
  check(options?: { signal?: AbortSignal; timeoutMs?: number }): Promise<{ model: string; models: ModelInfo[] }>;
}
