import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startFakeOllama } from '../../../tests/support/fake-ollama';
import { onExit } from '../../../tests/support/runtime';
import { AiChain, parseJsonLoose } from './chain';
import { OllamaProvider } from './ollama';
import type { Clock } from './resilience';

const Answer = z.object({ questions: z.array(z.string()).min(1) });
const request = {
  task: 'generateQuestions' as const,
  system: 'You write interview questions.',
  user: 'Write one.',
  schema: Answer,
  jsonSchema: { type: 'object' },
};
const builtin = () => ({ questions: ['Tell me about a project you are proud of.'] });
const GOOD = '{"questions":["How would you shard a ledger?"]}';

function instantClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  return { slept, now: () => Date.now(), sleep: async (ms) => void slept.push(ms) };
}

async function setup(behaviour: Parameters<typeof startFakeOllama>[0] = {}, id = 'ollama') {
  const server = await startFakeOllama(behaviour);
  onExit(() => server.close());
  const provider = new OllamaProvider(() => ({ host: server.url, models: {}, defaultModel: 'llama3.2' }), id);
  return { server, provider };
}

const chats = (s: { requests: { path: string }[] }) =>
  s.requests.filter((r) => r.path === '/api/chat').length;

describe('the AI chain', () => {
  it('uses a healthy provider and says which model answered', async () => {
    const { provider } = await setup({ answers: [GOOD] });
    const chain = new AiChain(() => [provider], { clock: instantClock() });
    expect(await chain.run(request, builtin)).toEqual({
      value: { questions: ['How would you shard a ledger?'] },
      provider: 'ollama',
      model: 'llama3.2',
      notes: [],
    });
  });

  it('repairs an invalid answer once before anything else', async () => {
    const { server, provider } = await setup({ answers: ['Sure! Here are questions: 1. What?', GOOD] });
    const chain = new AiChain(() => [provider], { clock: instantClock() });
    const result = await chain.run(request, builtin);
    expect(result.provider).toBe('ollama');
    expect(chats(server)).toBe(2);
    const repair = server.requests[1]!.body as { messages: { content: string }[] };
    expect(repair.messages[1]!.content).toContain(
      'Your previous answer could not be used (it was not valid JSON)',
    );
  });

  it('regenerates twice after failed repairs, then falls back to builtin with a note', async () => {
    const { server, provider } = await setup({ answers: ['{"questions":[]}'] });
    const chain = new AiChain(() => [provider], { clock: instantClock() });
    const result = await chain.run(request, builtin);
    expect(result).toEqual({
      value: builtin(),
      provider: 'builtin',
      model: null,
      notes: ['ollama kept answering in a form Rehearse could not use.'],
    });
    // (answer + repair) x (first try + two regenerations)
    expect(chats(server)).toBe(6);
  });

  it('accepts JSON wrapped in a code fence or prose', () => {
    expect(parseJsonLoose('Here you go:\n```json\n{"a":1}\n```')).toEqual({ a: 1 });
    expect(parseJsonLoose('The answer is {"a":[1,2]} as asked.')).toEqual({ a: [1, 2] });
    expect(() => parseJsonLoose('no json at all')).toThrow('no JSON in the answer');
  });

  it('retries a server that fails twice, waiting 1 then 2 seconds', async () => {
    const { server, provider } = await setup({ answers: [GOOD], failNext: { count: 2, status: 503 } });
    const clock = instantClock();
    const chain = new AiChain(() => [provider], { clock });
    expect((await chain.run(request, builtin)).provider).toBe('ollama');
    expect(clock.slept).toEqual([1000, 2000]);
    expect(chats(server)).toBe(3);
  });

  it('moves on to the next provider, then builtin, collecting what went wrong', async () => {
    const down = await setup({ failNext: { count: 100, status: 500 } }, 'ollama-a');
    const missing = await setup({ models: ['other:latest'] }, 'ollama-b');
    const chain = new AiChain(() => [down.provider, missing.provider], { clock: instantClock() });
    const result = await chain.run(request, builtin);
    expect(result.provider).toBe('builtin');
    expect(result.notes).toEqual([
      `Ollama at ${down.server.url} had a temporary problem (HTTP 500).`,
      'The Ollama model llama3.2 is not installed. Run: ollama pull llama3.2',
    ]);
    expect(chats(down.server)).toBe(4);
    expect(chats(missing.server)).toBe(1);
  });

  it('stops asking a provider whose breaker opened, and asks again after a minute', async () => {
    let now = 1_000_000;
    const clock: Clock = { now: () => now, sleep: async () => undefined };
    const { server, provider } = await setup({ models: [] });
    const chain = new AiChain(() => [provider], { clock });
    for (let i = 0; i < 5; i++) expect((await chain.run(request, builtin)).provider).toBe('builtin');
    expect(chats(server)).toBe(5);
    expect(chain.stats()[0]).toMatchObject({ id: 'ollama', breaker: 'open', health: false });
    await chain.run(request, builtin);
    expect(chats(server)).toBe(5);
    server.behaviour.models = ['llama3.2:latest'];
    server.behaviour.answers = [GOOD];
    now += 60_000;
    expect((await chain.run(request, builtin)).provider).toBe('ollama');
    expect(chain.stats()[0]!.breaker).toBe('closed');
  });

  it('gives up on a slow provider at the deadline and answers from builtin', async () => {
    const { provider } = await setup({ answers: [GOOD], delayMs: 300 });
    const chain = new AiChain(() => [provider], { clock: instantClock(), timeoutMs: 100 });
    const result = await chain.run(request, builtin);
    expect(result.provider).toBe('builtin');
    expect(result.notes).toEqual(['ollama did not answer within 0.1 seconds.']);
  });

  it('does not fall back when the candidate cancels', async () => {
    const { provider } = await setup({ answers: [GOOD], delayMs: 500 });
    const chain = new AiChain(() => [provider], { clock: instantClock() });
    const controller = new AbortController();
    const running = chain.run(request, builtin, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(running).rejects.toMatchObject({ message: 'The request was cancelled.' });
  });

  it('forwards streamed tokens', async () => {
    const { provider } = await setup({ answers: [GOOD], chunkSize: 5 });
    const chain = new AiChain(() => [provider], { clock: instantClock() });
    const tokens: string[] = [];
    await chain.run(request, builtin, { onToken: (t) => tokens.push(t) });
    expect(tokens.join('')).toBe(GOOD);
  });

  it('ranks by health 0.4, remaining quota 0.3 and speed 0.3', async () => {
    const slow = await setup({ answers: [GOOD], delayMs: 120 }, 'slow');
    const fast = await setup({ answers: [GOOD] }, 'fast');
    const quota = new Map([
      ['slow', 1],
      ['fast', 1],
    ]);
    const chain = new AiChain(() => [slow.provider, fast.provider], {
      clock: instantClock(),
      quota: (id) => quota.get(id) ?? 1,
    });
    const order = () => chain.rank('generateQuestions').map((p) => p.id);
    // Nothing known yet: the configured order.
    expect(order()).toEqual(['slow', 'fast']);
    expect((await chain.run(request, builtin)).provider).toBe('slow');
    chain.recordHealth('slow', false, 'down');
    expect((await chain.run(request, builtin)).provider).toBe('fast');
    chain.recordHealth('slow', true);
    // Both healthy and measured, equal quota: the faster one wins (speed is the inverse of latency).
    expect(order()).toEqual(['fast', 'slow']);
    // The fast one's quota is used up: 0.4 + 0 + 0.3 < 0.4 + 0.3 + 0.3 x (fast/slow).
    quota.set('fast', 0);
    expect(order()).toEqual(['slow', 'fast']);
    // An unhealthy provider ranks below a healthy one whatever its speed.
    quota.set('fast', 1);
    chain.recordHealth('fast', false, 'down');
    expect(order()).toEqual(['slow', 'fast']);
  });
});
