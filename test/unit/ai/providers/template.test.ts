import { describe, expect, it } from 'vitest';
import { createProvider, createTemplateProvider, templateSection, wrapTemplate } from '../../../../main/core/ai/providers';
import { silentLogger, systemClock } from '../../../../main/core/ports';

const letter = 'Здравствуйте!\n\nМеня заинтересовала вакансия «Go-разработчик» в Ozon.\n\nС уважением,\nАнна';

describe('template provider', () => {
  it('returns the filled template from the last user message as is', async () => {
    const provider = createTemplateProvider();
    const result = await provider.complete([
      { role: 'system', content: 'You write cover letters.' },
      { role: 'user', content: `${wrapTemplate('an older draft')}` },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: `Fill nothing, just send this:\n${wrapTemplate(letter)}\nThanks.` },
    ]);
    expect(result).toEqual({
      text: letter,
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      model: 'template',
      finishReason: 'stop',
    });
  });

  it('is deterministic and ignores options', async () => {
    const provider = createTemplateProvider();
    const messages = [{ role: 'user' as const, content: wrapTemplate(letter) }];
    const a = await provider.complete(messages, { temperature: 1.5, maxTokens: 3, model: 'anything' });
    const b = await provider.complete(messages);
    expect(a).toEqual(b);
  });

  it('without the tags, the whole last user message is the letter', async () => {
    expect((await createTemplateProvider().complete([{ role: 'user', content: letter }])).text).toBe(letter);
  });

  it('keeps inner blank lines, trims only the newline each tag sits on', () => {
    expect(templateSection('<template>\n\nA\n\n</template>')).toBe('\nA\n');
    expect(templateSection('<template>A</template>')).toBe('A');
    expect(templateSection('x <template>\r\nA\r\n</template> y')).toBe('A');
    expect(templateSection('no tags')).toBe('no tags');
    expect(templateSection('</template> before <template>')).toBe('</template> before <template>');
  });

  it('no user message or an empty template is ai_bad_request', async () => {
    const provider = createTemplateProvider();
    await expect(provider.complete([{ role: 'system', content: 'x' }])).rejects.toMatchObject({
      code: 'ai_bad_request',
      next: { kind: 'fix_input' },
    });
    await expect(provider.complete([{ role: 'user', content: wrapTemplate('  ') }])).rejects.toMatchObject({ code: 'ai_bad_request' });
  });

  it('lists one pseudo-model, checks without a network, honours an aborted signal', async () => {
    const provider = createTemplateProvider();
    expect(await provider.listModels()).toEqual([{ id: 'template' }]);
    expect(await provider.check()).toEqual({ model: 'template', models: [{ id: 'template' }] });
    await expect(provider.complete([{ role: 'user', content: 'x' }], { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('createProvider builds it without a queue limit', async () => {
    const provider = createProvider(
      { kind: 'template' },
      {
        vault: { get: async () => undefined, put: async () => {}, delete: async () => {} },
        log: silentLogger,
        clock: systemClock,
        resourcesDir: '/nowhere',
      },
    );
    expect(provider.kind).toBe('template');
    expect(provider.streams).toBe(Number.POSITIVE_INFINITY);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => provider.complete([{ role: 'user', content: `#${i}` }])));
    expect(results.map((r) => r.text)).toEqual(Array.from({ length: 50 }, (_, i) => `#${i}`));
  });
});
