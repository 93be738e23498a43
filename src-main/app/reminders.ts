/**
 * The desktop side of the streak reminder: the renderer asks `progress.reminder` on start and every few
 * minutes; when one is due the service emits `progress.reminder`, and this shows it as a native notification.
 * Kept apart from main.ts so it is tested without Electron.
 */
import type { EventPayload } from '../../src-shared/contract';
import type { Runtime } from '../core/runtime';

export type ShowNotification = (title: string, body: string) => void;

/** Calls `show` for every due reminder; returns the function that stops listening. */
export function showReminders(subscribe: Runtime['subscribe'], show: ShowNotification): () => void {
  return subscribe((event, payload) => {
    if (event !== 'progress.reminder') return;
    const { title, message } = payload as EventPayload<'progress.reminder'>;
    show(title, message);
  });
}
