/** Electron IPC names, kept free of zod so the sandboxed preload stays a few lines long. */
export const ipcChannel = (channel: string): string => `rehearse:${channel}`;
export const IPC_EVENT = 'rehearse:event';
