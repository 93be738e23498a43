/**
 * window.rehearse for the browser host: the same shape the Electron preload exposes, over HTTP for requests
 * and a WebSocket for events. The session cookie set by the launch link authenticates both.
 */
import type { ChannelName, EventName, RehearseApi, Result } from '../src-shared/contract';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
let socket: WebSocket | undefined;
let retryMs = 500;

function connectEvents(): void {
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`);
  socket = ws;
  ws.onopen = () => {
    retryMs = 500;
  };
  ws.onmessage = (message) => {
    let data: { event?: string; payload?: unknown };
    try {
      data = JSON.parse(String(message.data)) as typeof data;
    } catch {
      return;
    }
    for (const listener of listeners.get(data.event ?? '') ?? []) listener(data.payload);
  };
  ws.onclose = () => {
    socket = undefined;
    // The host may be restarting; keep trying while anyone listens, backing off to 10 s.
    if ([...listeners.values()].some((s) => s.size > 0)) {
      setTimeout(connectEvents, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    }
  };
}

const unreachable = <T>(): Result<T> => ({
  ok: false,
  error: {
    code: 'UNAVAILABLE',
    message: 'Rehearse is not reachable. Check that it is still running, then try again.',
  },
});

const api: RehearseApi = {
  async invoke(channel: ChannelName, input: unknown) {
    const body = JSON.stringify(input ?? {});
    try {
      const res = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body,
        // Lets a draft save sent while the tab closes still arrive; the browser caps keepalive bodies at 64 KiB.
        keepalive: body.length < 60_000,
      });
      return (await res.json()) as Result<never>;
    } catch {
      return unreachable();
    }
  },
  on(event: EventName, listener: (payload: never) => void) {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener as Listener);
    if (!socket) connectEvents();
    return () => {
      set.delete(listener as Listener);
    };
  },
} as RehearseApi;

Object.defineProperty(window, 'rehearse', {
  value: Object.freeze(api),
  writable: false,
  configurable: false,
});
