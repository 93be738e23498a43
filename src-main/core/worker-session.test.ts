import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { type WorkerCall, WorkerSession } from './worker-session';

// A real worker thread that doubles `x`, after `delayMs` when asked to wait.
const DOUBLER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => setTimeout(() => parentPort.postMessage({ id: m.id, value: m.x * 2 }), m.delayMs ?? 0));
`;

describe('WorkerSession', () => {
  const spawned: Worker[] = [];
  const sessions: WorkerSession[] = [];
  const session = (idleMs?: number) => {
    const s = new WorkerSession(() => {
      const w = new Worker(DOUBLER, { eval: true });
      spawned.push(w);
      return w;
    }, idleMs);
    sessions.push(s);
    return s;
  };
  const double = (s: WorkerSession, x: number, delayMs = 0) =>
    s.run((): WorkerCall<number, { id: number; value: number }, unknown> => ({
      message: { x, delayMs },
      workerData: undefined,
      timeoutMs: 10_000,
      onReply: (r) => ({ value: r.value }),
      timedOut: () => new Error('timed out'),
      cancelled: () => new Error('cancelled'),
      crashed: () => new Error('crashed'),
    }));
  const exited = (w: Worker) => new Promise<number>((resolve) => w.once('exit', resolve));

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    spawned.length = 0;
  });

  it('keeps one worker warm across calls when no idle time is set', async () => {
    const s = session();
    expect(await double(s, 2)).toBe(4);
    expect(await double(s, 3)).toBe(6);
    expect(spawned).toHaveLength(1);
  });

  it('stops an idle worker, and starts a new one for the next call', async () => {
    const s = session(20);
    expect(await double(s, 2)).toBe(4);
    await exited(spawned[0]!);
    expect(await double(s, 5)).toBe(10);
    expect(spawned).toHaveLength(2);
  });

  it('never stops a worker while calls are queued or running', async () => {
    const s = session(5);
    let first = 0;
    spawned.length = 0;
    const calls = [double(s, 1, 60), double(s, 2, 60), double(s, 3, 60)];
    void calls[0]!.then(() => (first = spawned.length));
    expect(await Promise.all(calls)).toEqual([2, 4, 6]);
    expect(first).toBe(1);
    expect(spawned).toHaveLength(1);
  });
});
