import type { Worker } from 'node:worker_threads';

/** How a call ends: with a value, or with an error, replacing the worker when it can no longer be trusted. */
export type Outcome<T> = { value: T } | { error: Error; replace: boolean };

export interface WorkerCall<T, R extends { id: number }, D> {
  /** Posted to the worker with the call's id added. */
  message: Record<string, unknown>;
  /** Given to the spawner when this call needs a new worker. */
  workerData: D;
  signal?: AbortSignal;
  timeoutMs: number;
  /** Reads one reply for this call; undefined keeps waiting (progress, streamed tokens). */
  onReply(reply: R): Outcome<T> | undefined;
  timedOut(): Error;
  cancelled(): Error;
  /** The worker died: `err` is its error, or undefined when it just exited. */
  crashed(err: Error | undefined): Error;
}

/**
 * One long-lived worker thread serving calls one at a time, in order: it stays warm between calls (pdf.js, a
 * loaded model) and is replaced whenever a call times out, is cancelled, or the worker crashes, so a hung or
 * poisoned worker never answers the next call. Used by the résumé parser and the in-app models.
 *
 * With `idleMs`, a worker left without calls that long is stopped: a loaded model holds hundreds of
 * megabytes, which a candidate who has stopped practising should get back. The next call starts it again.
 */
export class WorkerSession<D = unknown> {
  private worker: Worker | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly spawn: (data: D) => Worker,
    private readonly idleMs?: number,
  ) {}

  /** `prepare` runs when the call's turn comes (checks such as "is the model still on disk" belong there). */
  run<T, R extends { id: number }>(prepare: () => WorkerCall<T, R, D>): Promise<T> {
    this.pending++;
    clearTimeout(this.idleTimer);
    const next = this.queue.then(() => this.once(prepare()));
    this.queue = next.catch(() => undefined);
    void this.queue.then(() => {
      if (--this.pending === 0) this.startIdleTimer();
    });
    return next;
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private startIdleTimer(): void {
    if (this.idleMs === undefined || !this.worker) return;
    this.idleTimer = setTimeout(() => {
      if (this.pending === 0) void this.close();
    }, this.idleMs);
    // Waiting to free memory is no reason to keep the app (or a test run) alive.
    this.idleTimer.unref();
  }

  private once<T, R extends { id: number }>(call: WorkerCall<T, R, D>): Promise<T> {
    if (call.signal?.aborted) return Promise.reject(call.cancelled());
    const worker = (this.worker ??= this.spawn(call.workerData));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const finish = (outcome: Outcome<T>) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        call.signal?.removeEventListener('abort', onAbort);
        if ('error' in outcome) {
          if (outcome.replace) {
            if (this.worker === worker) this.worker = undefined;
            void worker.terminate();
          }
          reject(outcome.error);
        } else resolve(outcome.value);
      };
      const onMessage = (reply: R) => {
        if (reply.id !== id) return;
        const outcome = call.onReply(reply);
        if (outcome) finish(outcome);
      };
      const onError = (err: Error) => finish({ error: call.crashed(err), replace: true });
      const onExit = () => finish({ error: call.crashed(undefined), replace: true });
      const onAbort = () => finish({ error: call.cancelled(), replace: true });
      const timer = setTimeout(() => finish({ error: call.timedOut(), replace: true }), call.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      call.signal?.addEventListener('abort', onAbort);
      worker.postMessage({ ...call.message, id });
    });
  }
}
