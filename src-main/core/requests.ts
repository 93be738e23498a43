/** Long-running requests the candidate can cancel by id (model calls, downloads): one registry for all hosts. */
const running = new Map<string, AbortController>();

export function track(requestId: string): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  running.set(requestId, controller);
  return { signal: controller.signal, done: () => running.delete(requestId) };
}

export function cancel(requestId: string): boolean {
  const controller = running.get(requestId);
  controller?.abort();
  return controller !== undefined;
}
