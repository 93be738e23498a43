import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(),
  on: vi.fn(),
  removeListener: vi.fn(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: { invoke: electron.invoke, on: electron.on, removeListener: electron.removeListener },
}));

describe('the preload', () => {
  it('exposes window.rehearse, forwarding each channel to its own IPC channel', async () => {
    await import('./index');
    const api = electron.exposed.get('rehearse') as { invoke: (c: string, i: unknown) => Promise<unknown> };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    electron.invoke.mockResolvedValueOnce({ ok: true, value: 1 });
    expect(await api.invoke('app.info', {})).toEqual({ ok: true, value: 1 });
    expect(electron.invoke).toHaveBeenCalledWith('rehearse:app.info', {});
  });

  it('reports a name main has no handler for as an unknown channel', async () => {
    await import('./index');
    const api = electron.exposed.get('rehearse') as { invoke: (c: string, i: unknown) => Promise<unknown> };
    electron.invoke.mockRejectedValueOnce(
      new Error("Error invoking remote method 'rehearse:x': No handler registered for 'rehearse:x'"),
    );
    expect(await api.invoke('x', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown request "x".' },
    });
  });

  it('delivers only the subscribed event and unsubscribes', async () => {
    await import('./index');
    const api = electron.exposed.get('rehearse') as {
      on: (e: string, cb: (p: unknown) => void) => () => void;
    };
    const got: unknown[] = [];
    const off = api.on('sessions.changed', (p) => got.push(p));
    const handler = electron.on.mock.calls.at(-1)![1] as (e: unknown, name: string, payload: unknown) => void;
    handler({}, 'app.notice', 'no');
    handler({}, 'sessions.changed', 'yes');
    expect(got).toEqual(['yes']);
    off();
    expect(electron.removeListener).toHaveBeenCalledWith('rehearse:event', handler);
  });
});
