import { Script, sendJson, startFake, type Behaviour, type FakeTls, type RecordedRequest } from './fake-server';

export type OpenAiEndpoint = 'chat' | 'models';

export interface FakeOpenAiOptions {
  /** The key it requires; none: any key (or none) is accepted, like a local Ollama. */
  apiKey?: string;
  models?: string[];
  tls?: FakeTls;
  /** The model's answer to a conversation; by default it echoes the last user message ("Letter for: ..."). */
  reply?: (messages: { role: string; content: string }[]) => string;
}

export interface FakeOpenAi {
  baseUrl: string;
  origin: string;
  script: Script<OpenAiEndpoint>;
  counts: Record<OpenAiEndpoint, number>;
  maxInFlight: Record<OpenAiEndpoint, number>;
  requests: RecordedRequest[];
  enqueue(endpoint: OpenAiEndpoint, ...behaviours: Behaviour[]): void;
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/** An OpenAI-compatible server at /v1 with OpenAI's error shape (`{error: {message, type, code}}`). */
export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const script = new Script<OpenAiEndpoint>(['chat', 'models']);
  const models = options.models ?? ['gpt-4o-mini', 'llama3.1:8b'];
  const running = await startFake({
    script,
    tls: options.tls,
    route: (method, path) => {
      if (method === 'POST' && path === '/v1/chat/completions') return 'chat';
      if (method === 'GET' && path === '/v1/models') return 'models';
      return undefined;
    },
    answer: ({ endpoint, req, body, res }) => {
      if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        return sendJson(res, 401, {
          error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' },
        });
      }
      if (endpoint === 'models')
        return sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })) });
      const request = JSON.parse(body) as { model: string; messages: { role: string; content: string }[] };
      if (!models.includes(request.model)) {
        return sendJson(res, 404, {
          error: { message: `The model \`${request.model}\` does not exist.`, type: 'invalid_request_error', code: 'model_not_found' },
        });
      }
      const last = request.messages.filter((message) => message.role === 'user').at(-1)?.content ?? '';
      const content = options.reply ? options.reply(request.messages) : `Letter for: ${last}`;
      return sendJson(res, 200, {
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: request.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: last.length, completion_tokens: content.length, total_tokens: last.length + content.length },
      });
    },
  });
  return {
    baseUrl: `${running.origin}/v1`,
    origin: running.origin,
    script,
    counts: script.counts,
    maxInFlight: script.maxInFlight,
    requests: script.requests,
    enqueue: (endpoint, ...behaviours) => script.enqueue(endpoint, ...behaviours),
    setDelay: (ms) => {
      script.defaultDelayMs = ms;
    },
    close: running.close,
  };
}
