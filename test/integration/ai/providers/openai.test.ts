import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiProvider } from '../../../../main/core/ai/providers';
import { startFakeOpenAi, testDeps, type FakeOpenAi } from '../../../fakes/ai';

let fake: FakeOpenAi;
afterEach(async () => {
  await fake.close();
});

const messages = [
  { role: 'system' as const, content: 'You write cover letters.' },
  { role: 'user' as const, content: 'Go developer at Ozon' },
];

describe('OpenAI-compatible provider', () => {
  it('sends the key, model, messages and options through the SDK, and reads text and usage', async () => {
    fake = await startFakeOpenAi({ apiKey: 'sk-test-abcdef123456' });
    const deps = await testDeps();
    await deps.vault.put('openai.api_key', 'sk-test-abcdef123456');
    const result = await createOpenAiProvider({ baseUrl: fake.baseUrl, model: 'gpt-4o-mini' }, deps).complete(messages, {
      temperature: 0.3,
      maxTokens: 300,
    });
    expect(result).toEqual({
      text: 'Letter for: Go developer at Ozon',
      usage: { promptTokens: 20, completionTokens: 32, totalTokens: 52 },
      model: 'gpt-4o-mini',
      finishReason: 'stop',
    });
    const [request] = fake.requests;
    expect(request!.headers.authorization).toBe('Bearer sk-test-abcdef123456');
    expect(JSON.parse(request!.body)).toEqual({ model: 'gpt-4o-mini', messages, temperature: 0.3, max_tokens: 300 });
    // Nothing from OPENAI_ORG_ID / OPENAI_PROJECT_ID in the environment.
    expect(request!.headers['openai-organization']).toBeUndefined();
    expect(request!.headers['openai-project']).toBeUndefined();
  });

  it('works without a key for local servers (Ollama, LM Studio), sending a placeholder', async () => {
    fake = await startFakeOpenAi();
    const provider = createOpenAiProvider({ baseUrl: `${fake.baseUrl}/`, model: 'llama3.1:8b' }, await testDeps());
    expect((await provider.complete(messages)).text).toBe('Letter for: Go developer at Ozon');
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer no-key-needed');
  });

  it('reads the key at each call, so a key changed in Settings applies at once', async () => {
    fake = await startFakeOpenAi({ apiKey: 'sk-test-second-key-99' });
    const deps = await testDeps();
    await deps.vault.put('openai.api_key', 'sk-test-first-key-11');
    const provider = createOpenAiProvider({ baseUrl: fake.baseUrl, model: 'gpt-4o-mini' }, deps);
    await expect(provider.complete(messages)).rejects.toMatchObject({ code: 'ai_bad_key' });
    await deps.vault.put('openai.api_key', 'sk-test-second-key-99');
    expect((await provider.complete(messages)).text).toBe('Letter for: Go developer at Ozon');
  });

  it('uses a named key for an extra service', async () => {
    fake = await startFakeOpenAi({ apiKey: 'sk-or-test-openrouter-1' });
    const deps = await testDeps();
    await deps.vault.put('openai.api_key:openrouter', 'sk-or-test-openrouter-1');
    const provider = createOpenAiProvider({ baseUrl: fake.baseUrl, model: 'gpt-4o-mini', secretName: 'openai.api_key:openrouter' }, deps);
    expect((await provider.complete(messages)).text).toBe('Letter for: Go developer at Ozon');
  });

  it('accepts a fractional timeout (the SDK wants whole milliseconds)', async () => {
    fake = await startFakeOpenAi();
    const provider = createOpenAiProvider({ baseUrl: fake.baseUrl, model: 'gpt-4o-mini', timeoutMs: 2_000.5 }, await testDeps());
    expect((await provider.complete(messages, { timeoutMs: 1_500.25 })).text).toBe('Letter for: Go developer at Ozon');
  });

  it('lists models', async () => {
    fake = await startFakeOpenAi();
    const provider = createOpenAiProvider({ baseUrl: fake.baseUrl, model: 'gpt-4o-mini' }, await testDeps());
    expect(await provider.listModels()).toEqual([
      { id: 'gpt-4o-mini', ownedBy: 'fake' },
      { id: 'llama3.1:8b', ownedBy: 'fake' },
    ]);
  });

  it('bad settings are ai_not_configured before any request', async () => {
    fake = await startFakeOpenAi();
    const deps = await testDeps();
    expect(() => createOpenAiProvider({ baseUrl: 'localhost:11434', model: 'x' }, deps)).toThrow(
      expect.objectContaining({ code: 'ai_not_configured' }),
    );
    expect(() => createOpenAiProvider({ baseUrl: fake.baseUrl, model: ' ' }, deps)).toThrow(
      expect.objectContaining({ code: 'ai_not_configured' }),
    );
  });
});
