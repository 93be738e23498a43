import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AI_SETTINGS, type AiSettings } from '../../../src-shared/ai';
import { startFakeOllama } from '../../../tests/support/fake-ollama';
import { closedPort } from '../../../tests/support/net';
import { ok, onExit, snapshot, tempDir, testRuntime } from '../../../tests/support/runtime';
import { statusCsv } from './service';

const QUESTION = '{"question":"Tell me about a time you changed your mind after hearing a teammate out."}';
const withOllama = (host: string, mode: AiSettings['ollama']['mode'] = 'auto'): AiSettings => ({
  ...DEFAULT_AI_SETTINGS,
  ollama: { ...DEFAULT_AI_SETTINGS.ollama, host, mode },
});

async function fake(answers = [QUESTION]) {
  const server = await startFakeOllama({ answers });
  onExit(() => server.close());
  return server;
}

describe('AI settings and status', () => {
  it('starts from defaults, saves settings that survive a restart, and refuses bad ones by field', async () => {
    const dataDir = tempDir();
    const first = await testRuntime({ dataDir });
    expect(await ok(first, 'ai.settings.get', {})).toEqual(DEFAULT_AI_SETTINGS);
    const server = await fake();
    await ok(first, 'ai.settings.save', withOllama(server.url, 'on'));
    const before = snapshot(first);
    expect(await first.invoke('ai.settings.save', withOllama('localhost:11434'))).toMatchObject({
      error: {
        code: 'VALIDATION_ERROR',
        message: 'The Ollama address must be an http:// or https:// address.',
        details: { field: 'ollama.host' },
      },
    });
    expect(
      await first.invoke('ai.settings.save', { ...withOllama(server.url), timeoutSeconds: 1 }),
    ).toMatchObject({
      error: { message: 'Timeout must be at least 5 seconds.', details: { field: 'timeoutSeconds' } },
    });
    expect(snapshot(first)).toBe(before);
    await first.close();
    const second = await testRuntime({ dataDir });
    expect((await ok(second, 'ai.settings.get', {})).ollama).toMatchObject({ host: server.url, mode: 'on' });
  });

  it('keeps settings saved before a field existed, filling in its default', async () => {
    const dataDir = tempDir();
    const first = await testRuntime({ dataDir });
    const saved = {
      ...DEFAULT_AI_SETTINGS,
      ollama: { mode: 'on', host: 'http://127.0.0.1:11434', defaultModel: 'mistral', embedModel: '' },
    };
    first.connection.sqlite
      .prepare("INSERT INTO ai_settings VALUES (1, ?, 'then')")
      .run(JSON.stringify(saved));
    await first.close();
    const second = await testRuntime({ dataDir });
    expect((await ok(second, 'ai.settings.get', {})).ollama).toEqual({ ...saved.ollama, taskModels: {} });
  });

  it('uses the model chosen for a task, and checks that it is installed', async () => {
    const runtime = await testRuntime();
    const server = await fake();
    const base = withOllama(server.url, 'on');
    await ok(runtime, 'ai.settings.save', {
      ...base,
      ollama: { ...base.ollama, taskModels: { generateQuestions: 'nomic-embed-text' } },
    });
    await ok(runtime, 'ai.try', { requestId: randomUUID() });
    expect(server.requests.find((r) => r.path === '/api/chat')?.body).toMatchObject({
      model: 'nomic-embed-text',
    });
    await ok(runtime, 'ai.settings.save', {
      ...base,
      ollama: { ...base.ollama, taskModels: { studyPlan: 'phi3' } },
    });
    expect((await ok(runtime, 'ai.status', {})).providers[0]).toMatchObject({
      health: 'failing',
      reason: 'The Ollama model phi3 is not installed. Run: ollama pull phi3',
    });
  });

  it('in auto mode uses Ollama only once a health check has found it', async () => {
    const runtime = await testRuntime();
    const server = await fake();
    // Nothing at the default address: the builtin coach answers, with no note (Ollama was never tried).
    const before = await ok(runtime, 'ai.try', { requestId: randomUUID() });
    expect(before).toMatchObject({ provider: 'builtin', notes: [] });
    // Left out of the chain, it still reports why.
    const status = await ok(runtime, 'ai.check', {});
    expect(status.providers[0]).toMatchObject({
      id: 'ollama',
      health: 'failing',
      reason: expect.stringContaining('Ollama is not running at'),
    });
    await ok(runtime, 'ai.settings.save', withOllama(server.url, 'auto'));
    const after = await ok(runtime, 'ai.try', { requestId: randomUUID() });
    expect(after).toMatchObject({
      provider: 'ollama',
      model: 'llama3.2',
      text: 'Tell me about a time you changed your mind after hearing a teammate out.',
    });
  });

  it('in on mode tries Ollama and reports why it could not answer', async () => {
    const runtime = await testRuntime();
    const host = `http://127.0.0.1:${await closedPort()}`;
    await ok(runtime, 'ai.settings.save', withOllama(host, 'on'));
    const result = await ok(runtime, 'ai.try', { requestId: randomUUID() });
    expect(result).toMatchObject({
      provider: 'builtin',
      notes: [
        `Ollama is not running at ${host}. Start it (ollama serve) or change the Ollama address in Settings.`,
      ],
    });
    const status = await ok(runtime, 'ai.check', {});
    expect(status.providers[0]).toMatchObject({
      id: 'ollama',
      health: 'failing',
      reason: `Ollama is not running at ${host}. Start it (ollama serve) or change the Ollama address in Settings.`,
    });
  });

  it('sets aside a generated question that fails the content screen', async () => {
    const runtime = await testRuntime();
    const server = await fake(['{"question":"How old are you, and do you plan to have children soon?"}']);
    await ok(runtime, 'ai.settings.save', withOllama(server.url, 'on'));
    expect(await ok(runtime, 'ai.try', { requestId: randomUUID() })).toMatchObject({
      provider: 'builtin',
      text: 'Tell me about a time you helped a teammate who was stuck.',
      notes: ['The question ollama wrote was set aside (it asks about age).'],
    });
  });

  it('streams the answer to listeners as ai.token events', async () => {
    const runtime = await testRuntime();
    const server = await fake();
    server.behaviour.chunkSize = 6;
    await ok(runtime, 'ai.settings.save', withOllama(server.url, 'on'));
    const requestId = randomUUID();
    const chunks: string[] = [];
    runtime.subscribe((event, payload) => {
      if (event === 'ai.token' && (payload as { requestId: string }).requestId === requestId)
        chunks.push((payload as { chunk: string }).chunk);
    });
    await ok(runtime, 'ai.try', { requestId });
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('')).toBe(QUESTION);
  });

  it('pulls a model with progress events and sees it installed afterwards', async () => {
    const runtime = await testRuntime();
    const server = await fake();
    await ok(runtime, 'ai.settings.save', withOllama(server.url, 'on'));
    const requestId = randomUUID();
    const progress: (number | null)[] = [];
    runtime.subscribe((event, payload) => {
      if (event === 'ai.progress' && (payload as { requestId: string }).requestId === requestId)
        progress.push((payload as { fraction: number | null }).fraction);
    });
    expect(await ok(runtime, 'ai.ollama.pull', { requestId, model: 'qwen2.5:0.5b' })).toEqual({
      pulled: 'qwen2.5:0.5b',
    });
    expect(progress).toEqual([0, 0.4, 1, null]);
    expect((await ok(runtime, 'ai.status', {})).providers[0]!.models).toContain('qwen2.5:0.5b');
    expect(await runtime.invoke('ai.ollama.pull', { requestId, model: 'rm -rf /' })).toMatchObject({
      error: { message: 'Model names look like llama3.2 or qwen2.5:7b.', details: { field: 'model' } },
    });
  });

  it('reports latency, usage and cache figures, and exports them as CSV', async () => {
    const runtime = await testRuntime();
    const server = await fake();
    await ok(runtime, 'ai.settings.save', withOllama(server.url, 'on'));
    for (let i = 0; i < 3; i++) await ok(runtime, 'ai.try', { requestId: randomUUID() });
    // Usage is recorded by the chain itself; a local model costs nothing.
    await new Promise((r) => setTimeout(r, 50));
    const status = await ok(runtime, 'ai.status', {});
    expect(status.providers[0]).toMatchObject({
      id: 'ollama',
      health: 'ok',
      calls: 3,
      latencyP50Ms: expect.any(Number),
      latencyP95Ms: expect.any(Number),
      today: { requests: 3, characters: expect.any(Number), costUsd: 0 },
    });
    expect(status.cache.questions).toEqual({ hits: 0, misses: 0, hitRate: null });
    const { csv } = await ok(runtime, 'ai.diagnostics.csv', {});
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(
      'provider,health,reason,breaker,latency_p50_ms,latency_p95_ms,calls,requests_today,characters_today,cost_usd_today,quota_used,quota_state',
    );
    expect(lines[1]).toMatch(/^ollama,ok,,closed,\d+(\.\d+)?,\d+(\.\d+)?,3,3,\d+,0\.0000,,$/);
    expect(lines[2]).toBe('builtin,ok,,closed,,,,,,,,');
    expect(lines[3]).toBe(
      'transformers,not_set_up,not downloaded — Settings → AI coach → Models inside Rehearse → Download,,,,,,,,,',
    );
    expect(
      statusCsv({ ...status, providers: [{ ...status.providers[0]!, reason: 'a "quoted", reason' }] }).split(
        '\n',
      )[1],
    ).toContain('"a ""quoted"", reason"');
  });
});
