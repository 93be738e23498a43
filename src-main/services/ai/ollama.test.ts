import { describe, expect, it } from 'vitest';
import { fakeEmbedding, startFakeOllama } from '../../../tests/support/fake-ollama';
import { closedPort } from '../../../tests/support/net';
import { onExit } from '../../../tests/support/runtime';
import { OllamaProvider } from './ollama';

const request = {
  task: 'generateQuestions' as const,
  system: 'You write questions.',
  user: 'Three please.',
  jsonSchema: { type: 'object' },
};

async function fake(behaviour: Parameters<typeof startFakeOllama>[0] = {}) {
  const server = await startFakeOllama(behaviour);
  onExit(() => server.close());
  const provider = new OllamaProvider(() => ({ host: server.url, models: {}, defaultModel: 'llama3.2' }));
  return { server, provider };
}

describe('the Ollama provider', () => {
  it('asks for structured output with the schema and returns the answer', async () => {
    const { server, provider } = await fake({ answers: ['{"questions":[]}'] });
    expect(await provider.complete(request, {})).toBe('{"questions":[]}');
    expect(server.requests[0]).toMatchObject({
      path: '/api/chat',
      body: {
        model: 'llama3.2',
        stream: false,
        format: { type: 'object' },
        messages: [{ role: 'system' }, { role: 'user', content: 'Three please.' }],
      },
    });
  });

  it('streams tokens as they arrive', async () => {
    const { provider } = await fake({ answers: ['{"a":"streamed words"}'], chunkSize: 4 });
    const chunks: string[] = [];
    const text = await provider.complete(request, { onToken: (c) => chunks.push(c) });
    expect(text).toBe('{"a":"streamed words"}');
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(text);
  });

  it('says Ollama is not running, and how to fix it, when nothing listens at the host', async () => {
    const host = `http://127.0.0.1:${await closedPort()}`;
    const provider = new OllamaProvider(() => ({ host, models: {}, defaultModel: 'llama3.2' }));
    await expect(provider.complete(request, {})).rejects.toMatchObject({
      message: `Ollama is not running at ${host}. Start it (ollama serve) or change the Ollama address in Settings.`,
      transient: false,
    });
    expect(await provider.health({})).toEqual({
      ok: false,
      reason: `Ollama is not running at ${host}. Start it (ollama serve) or change the Ollama address in Settings.`,
    });
  });

  it('names the missing model and the command that installs it', async () => {
    const { provider } = await fake({ models: ['llama3.2:latest'] });
    const mistral = new OllamaProvider(() => ({
      host: (provider as unknown as { settings: () => { host: string } }).settings().host,
      models: {},
      defaultModel: 'mistral',
    }));
    await expect(mistral.complete(request, {})).rejects.toMatchObject({
      message: 'The Ollama model mistral is not installed. Run: ollama pull mistral',
      transient: false,
    });
    expect(await mistral.health({})).toMatchObject({
      ok: false,
      reason: 'The Ollama model mistral is not installed. Run: ollama pull mistral',
    });
    expect(await provider.health({})).toEqual({ ok: true, models: ['llama3.2:latest'] });
  });

  it('marks server errors and rate limits as worth retrying, with Retry-After', async () => {
    const { server, provider } = await fake();
    server.behaviour.failNext = { count: 1, status: 503 };
    await expect(provider.complete(request, {})).rejects.toMatchObject({
      transient: true,
      details: { kind: 'server_error' },
    });
    server.behaviour.failNext = { count: 1, status: 429, retryAfter: '3' };
    await expect(provider.complete(request, {})).rejects.toMatchObject({
      transient: true,
      retryAfterMs: 3000,
      details: { kind: 'rate_limited' },
    });
  });

  it('pulls a model with progress, lists models and embeds', async () => {
    const { provider } = await fake();
    const progress: (number | null)[] = [];
    await provider.pull('qwen2.5', (_status, fraction) => progress.push(fraction));
    expect(progress).toEqual([0, 0.4, 1, null]);
    expect(await provider.listModels()).toContain('qwen2.5');
    const [a, b] = await provider.embed(['abc', 'abd'], {});
    expect(a).toEqual(fakeEmbedding('abc'));
    expect(b).toEqual(fakeEmbedding('abd'));
    expect(a).not.toEqual(b);
  });

  it('stops a stream when cancelled', async () => {
    const { provider } = await fake({ answers: ['x'.repeat(200)], chunkSize: 5, chunkDelayMs: 20 });
    const controller = new AbortController();
    const chunks: string[] = [];
    const call = provider.complete(request, {
      signal: controller.signal,
      onToken: (c) => (chunks.push(c), chunks.length === 3 && controller.abort()),
    });
    await expect(call).rejects.toThrow();
    expect(chunks.length).toBeLessThan(10);
  });
});
