/**
 * The Electron host: one ipcMain.handle per contract channel, each checking that the call comes from our own
 * window's top frame before the dispatcher validates the input. Takes ipcMain as a parameter so the wiring is
 * unit-tested without Electron.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNEL_NAMES, IPC_EVENT, ipcChannel } from '../../src-shared/contract';
import type { Result } from '../../src-shared/errors';
import type { Runtime } from '../core/runtime';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Trusts only the top frame of a page loaded from the app's own renderer (file or dev server URL). */
export function trustedSender(allowedUrlPrefixes: string[]): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return allowedUrlPrefixes.some((prefix) => frame.url.startsWith(prefix));
  };
}

const refused: Result<never> = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'This window is not allowed to talk to Rehearse.' },
};

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  runtime: Runtime,
  isTrusted: SenderCheck,
  targets: () => Pick<WebContents, 'send' | 'isDestroyed'>[],
): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(channel), (event, input: unknown) =>
      isTrusted(event) ? runtime.invoke(channel, input) : refused,
    );
  }
  const unsubscribe = runtime.subscribe((event, payload) => {
    for (const wc of targets()) if (!wc.isDestroyed()) wc.send(IPC_EVENT, event, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(ipcChannel(channel));
  };
}
