import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, IPC_EVENT } from '../../src-shared/contract';
import { snapshot, testRuntime } from '../../tests/support/runtime';
import { registerIpc, trustedSender } from './electron-ipc';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, fn: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

const APP_URL = 'file:///opt/rehearse/out/renderer/index.html';
const frame = (url: string, parent: unknown = null) =>
  ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

describe('the Electron IPC host', () => {
  it('registers exactly one handler per contract channel and removes them on dispose', async () => {
    const runtime = await testRuntime({ host: 'electron' });
    const ipc = fakeIpcMain();
    const dispose = registerIpc(ipc as never, runtime, trustedSender([APP_URL]), () => []);
    expect([...ipc.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((c) => `rehearse:${c}`).sort());
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers our own top frame through the validating dispatcher', async () => {
    const runtime = await testRuntime({ host: 'electron' });
    const ipc = fakeIpcMain();
    registerIpc(ipc as never, runtime, trustedSender([APP_URL]), () => []);
    const info = await ipc.handlers.get('rehearse:app.info')!(frame(`${APP_URL}#x`), {});
    expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
    const bad = await ipc.handlers.get('rehearse:sessions.create')!(frame(APP_URL), {
      role: 'Sales',
      difficulty: 'Easy',
      questionCount: 'ten',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', details: { field: 'questionCount' } },
    });
  });

  it('refuses subframes and other pages without touching the data', async () => {
    const runtime = await testRuntime({ host: 'electron' });
    const ipc = fakeIpcMain();
    registerIpc(ipc as never, runtime, trustedSender([APP_URL]), () => []);
    const before = snapshot(runtime);
    const save = ipc.handlers.get('rehearse:profile.save')!;
    const input = { name: 'Mallory', targetRole: 'Sales', experienceLevel: 'Mid' };
    for (const event of [
      frame('https://evil.example/'),
      frame(APP_URL, { url: APP_URL }),
      frame('file:///tmp/other.html'),
      { senderFrame: null } as unknown as IpcMainInvokeEvent,
    ]) {
      expect(await save(event, input)).toEqual({
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'This window is not allowed to talk to Rehearse.' },
      });
    }
    expect(snapshot(runtime)).toBe(before);
  });

  it('forwards events to every live window', async () => {
    const runtime = await testRuntime({ host: 'electron' });
    const sent: unknown[][] = [];
    const live = { isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) };
    const dead = { isDestroyed: () => true, send: () => sent.push(['dead']) };
    registerIpc(
      fakeIpcMain() as never,
      runtime,
      () => true,
      () => [live, dead] as never,
    );
    runtime.ctx.emit('app.notice', { level: 'info', message: 'hi' });
    expect(sent).toEqual([[IPC_EVENT, 'app.notice', { level: 'info', message: 'hi' }]]);
  });
});
