import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AI_SETTINGS, type AiSettings } from '../../../src-shared/ai';
import { startFakeOpenAi } from '../../../tests/support/fake-openai';
import { memorySecrets } from '../../../tests/support/memory-secrets';
import { ok, onExit, snapshot, testRuntime } from '../../../tests/support/runtime';
import { LOG_FILE } from '../../logging/logger';
import { KeychainUnavailableError } from './keychain';

const KEY = 'sk-live-SECRET-abcdef0123456789';
const QUESTION = '{"question":"Tell me about a time you simplified a process for your team."}';

async function setup(overrides: Partial<AiSettings['cloud']> = {}, now?: () => Date) {
  const server = await startFakeOpenAi(KEY);
  server.behaviour.answer = QUESTION;
  onExit(() => server.close());
  const secrets = memorySecrets();
  const runtime = await testRuntime({ secrets, now });
  const settings: AiSettings = {
    ...DEFAULT_AI_SETTINGS,
    ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'off' },
    cloud: {
      ...DEFAULT_AI_SETTINGS.cloud,
      enabled: true,
      preset: 'custom',
      baseUrl: server.url,
      model: 'gpt-test',
      ...overrides,
    },
  };
  await ok(runtime, 'ai.settings.save', settings);
  return { server, runtime, secrets };
}

const tryIt = (runtime: Awaited<ReturnType<typeof testRuntime>>) =>
  ok(runtime, 'ai.try', { requestId: randomUUID() });

describe('the cloud provider', () => {
  it('stays out of the chain until a key is saved, then answers with it', async () => {
    const { server, runtime, secrets } = await setup();
    expect(await tryIt(runtime)).toMatchObject({
      provider: 'builtin',
      notes: ['No Custom (OpenAI-compatible) key is saved. Add one in Settings to use it.'],
    });
    expect(server.requests).toEqual([]);
    expect(await ok(runtime, 'ai.cloud.saveKey', { key: KEY })).toEqual({
      stored: true,
      keychain: { ok: true, reason: null },
    });
    expect(secrets.entries.get('cloud:custom')).toBe(KEY);
    const answered = await tryIt(runtime);
    expect(answered).toMatchObject({
      provider: 'cloud',
      model: 'gpt-test',
      text: 'Tell me about a time you simplified a process for your team.',
    });
    const sent = server.requests.find((r) => r.path === '/v1/chat/completions')!;
    expect(sent.authorization).toBe(`Bearer ${KEY}`);
    // Exactly what leaves the machine: the model, the two prompts and the output format.
    expect(Object.keys(sent.body).sort()).toEqual([
      'messages',
      'model',
      'response_format',
      'stream',
      'temperature',
    ]);
    expect((sent.body.messages as { role: string }[]).map((m) => m.role)).toEqual(['system', 'user']);
  });

  it('streams server-sent events as tokens', async () => {
    const { runtime } = await setup();
    await ok(runtime, 'ai.cloud.saveKey', { key: KEY });
    const chunks: string[] = [];
    runtime.subscribe(
      (event, payload) => event === 'ai.token' && chunks.push((payload as { chunk: string }).chunk),
    );
    await tryIt(runtime);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('')).toBe(QUESTION);
  });

  it('says the key was rejected without ever showing it, in notes, status or the log', async () => {
    const { runtime, server } = await setup();
    await ok(runtime, 'ai.cloud.saveKey', { key: 'sk-wrong-key-0000000000' });
    server.behaviour.key = KEY;
    const result = await tryIt(runtime);
    expect(result).toMatchObject({
      provider: 'builtin',
      notes: ['Custom (OpenAI-compatible) rejected the saved key. Check it in Settings, or save a new one.'],
    });
    const status = await ok(runtime, 'ai.check', {});
    expect(status.providers[0]).toMatchObject({
      health: 'failing',
      reason: 'Custom (OpenAI-compatible) rejected the saved key. Check it in Settings, or save a new one.',
    });
    runtime.ctx.logger.flush();
    const everything =
      JSON.stringify([result, status]) + readFileSync(join(runtime.ctx.dataDir, 'logs', LOG_FILE), 'utf8');
    expect(everything).not.toContain('sk-wrong-key');
    expect(everything).not.toContain(KEY);
  });

  it('tells an account with no credit apart from a busy server, and retries only the second', async () => {
    const { runtime, server } = await setup();
    await ok(runtime, 'ai.cloud.saveKey', { key: KEY });
    server.behaviour.status = 429;
    server.behaviour.errorBody = '{"error":{"code":"insufficient_quota"}}';
    expect((await tryIt(runtime)).notes).toEqual([
      'Your Custom (OpenAI-compatible) account has no credit left, so Rehearse is using other providers.',
    ]);
    expect(server.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);
  });

  it('warns at 80% of the daily quota, lowers priority at 90% and stops at 100% until the next day', async () => {
    let now = Date.parse('2026-11-22T10:00:00Z');
    const { runtime } = await setup({ requestsPerDay: 10 }, () => new Date(now));
    await ok(runtime, 'ai.cloud.saveKey', { key: KEY });
    const states: string[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await tryIt(runtime);
      const status = await ok(runtime, 'ai.status', {});
      states.push(`${r.provider}:${status.providers[0]!.quota!.state}`);
    }
    expect(states).toEqual([
      'cloud:ok',
      'cloud:ok',
      'cloud:ok',
      'cloud:ok',
      'cloud:ok',
      'cloud:ok',
      'cloud:ok',
      'cloud:warning',
      'cloud:limited',
      'cloud:exhausted',
      'builtin:exhausted',
    ]);
    expect((await ok(runtime, 'ai.status', {})).providers[0]!.today).toMatchObject({
      requests: 10,
      costUsd: expect.any(Number),
    });
    expect((await tryIt(runtime)).notes).toEqual([
      "Today's Custom (OpenAI-compatible) quota is used up, so it will answer again tomorrow. You can raise the quota in Settings.",
    ]);
    const { csv } = await ok(runtime, 'ai.diagnostics.csv', {});
    expect(csv.split('\n')[1]).toMatch(/,1,exhausted$/);
    now += 24 * 3600 * 1000;
    expect((await tryIt(runtime)).provider).toBe('cloud');
  });

  it('refuses to save a key when the keychain cannot be reached, and stores it nowhere', async () => {
    const locked = new KeychainUnavailableError('save');
    const runtime = await testRuntime({ secrets: memorySecrets(locked) });
    const before = snapshot(runtime);
    const result = await runtime.invoke('ai.cloud.saveKey', { key: KEY });
    expect(result).toEqual({ ok: false, error: locked.toPayload() });
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(snapshot(runtime)).toBe(before);
    expect(snapshot(runtime)).not.toContain(KEY);
  });

  it('checks what a key looks like before saving it', async () => {
    const runtime = await testRuntime();
    expect(await runtime.invoke('ai.cloud.saveKey', { key: 'sk 12345 678' })).toMatchObject({
      error: {
        code: 'VALIDATION_ERROR',
        message: 'An API key has no spaces in it.',
        details: { field: 'key' },
      },
    });
    expect(await runtime.invoke('ai.cloud.saveKey', { key: 'short' })).toMatchObject({
      error: { message: 'That key is too short; paste the whole key your provider gave you.' },
    });
  });
});
