/**
 * The Electron preload: exposes the contract as window.rehearse through contextBridge. Main validates every
 * channel and input; the preload only forwards, so it imports types and two strings, not the schemas.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { RehearseApi, Result } from '../src-shared/contract';
import { IPC_EVENT, ipcChannel } from '../src-shared/ipc';

const failure = (code: 'UNKNOWN_CHANNEL' | 'UNAVAILABLE', message: string) =>
  ({ ok: false, error: { code, message } }) as Result<never>;

export const api: RehearseApi = {
  async invoke(channel, input) {
    try {
      return (await ipcRenderer.invoke(ipcChannel(channel), input)) as Result<never>;
    } catch (err) {
      // Main registers a handler per contract channel, so "no handler" means the name is not a channel.
      return String(err).includes('No handler registered')
        ? failure('UNKNOWN_CHANNEL', `Unknown request "${String(channel)}".`)
        : failure('UNAVAILABLE', 'Rehearse could not reach its background process. Restart the app.');
    }
  },
  on(event, listener) {
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('rehearse', api);
