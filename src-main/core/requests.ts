/** Long-running requests the candidate can cancel by id (model calls, downloads): one registry for all hosts. */
const running = new Map<string, AbortController>();

/**
 * Ids cancelled before their request got here (a Cancel pressed the moment the request was sent, on a busy
 * machine): the request starts cancelled instead of running to the end. Remembered for a minute.
 */
const cancelledEarly = new Map<string, number>();
const EARLY_CANCEL_MS = 60_000;

export function track(requestId: string): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  running.set(requestId, controller);
  const early = cancelledEarly.get(requestId);
  cancelledEarly.delete(requestId);
  if (early !== undefined && Date.now() - early < EARLY_CANCEL_MS) controller.abort();
  return { signal: controller.signal, done: () => running.delete(requestId) };
}

/** True when a running request was cancelled; an id not running yet is remembered in case it is on its way. */
export function cancel(requestId: string): boolean {
  const controller = running.get(requestId);
  if (controller) {
    controller.abort();
    return true;
  }
  const now = Date.now();
  for (const [id, at] of cancelledEarly) if (now - at >= EARLY_CANCEL_MS) cancelledEarly.delete(id);
  cancelledEarly.set(requestId, now);
  return false;
}
