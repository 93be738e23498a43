/** The Electron shell: window, menu-less chrome, lock-down and IPC wiring. Everything else is a service. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Notification, session, shell } from 'electron';
import { autoUpdater } from 'electron-updater';
import { AppError } from '../../src-shared/errors';
import { startRuntime, type Runtime } from '../core/runtime';
import { registerIpc, trustedSender } from '../hosts/electron-ipc';
import { appPaths, electronSqliteBinding, resolveDataDir } from '../paths';
import { showReminders } from './reminders';
import { allowPermission, confirmUnload, CSP, lockDown, rendererLocation, windowOptions } from './window';

export function runElectronApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // One data dir for the app, the CLI and the browser host: Electron's userData is pointed at it.
  const dataDir = resolveDataDir(undefined);
  app.setPath('userData', dataDir);

  let runtime: Runtime | undefined;
  let window: BrowserWindow | undefined;
  const outDir = join(__dirname, '..');
  const location = rendererLocation(outDir, process.env.ELECTRON_RENDERER_URL);

  const createWindow = () => {
    window = new BrowserWindow(windowOptions(join(outDir, 'preload', 'index.js')));
    lockDown(window.webContents, location.allowedPrefixes, (url) => void shell.openExternal(url));
    const shown = window;
    confirmUnload(
      shown.webContents,
      () =>
        dialog.showMessageBoxSync(shown, {
          type: 'warning',
          buttons: ['Close without saving', 'Keep editing'],
          defaultId: 1,
          cancelId: 1,
          message: 'You have unsaved changes.',
          detail: 'Close Rehearse anyway and they are lost. Keep editing to go back and save them.',
        }) === 0,
    );
    window.once('ready-to-show', () => window?.show());
    void window.loadURL(location.url);
  };

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  app.on('web-contents-created', (_e, contents) => {
    lockDown(contents, location.allowedPrefixes, (url) => void shell.openExternal(url));
  });

  void app.whenReady().then(async () => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
      callback(
        allowPermission(
          permission,
          details.requestingUrl,
          (details as { mediaTypes?: string[] }).mediaTypes,
          location.allowedPrefixes,
        ),
      ),
    );
    try {
      const paths = appPaths(app.getAppPath());
      // From a checkout, node_modules holds better-sqlite3 for Node; the Electron build sits beside it.
      const binding = electronSqliteBinding(app.getAppPath());
      // electron-builder writes the release feed's address here when a release is built with one.
      const feed = app.isPackaged && existsSync(join(process.resourcesPath, 'app-update.yml'));
      runtime = await startRuntime({
        updater: feed ? autoUpdater : undefined,
        updatesUnavailable: !app.isPackaged
          ? 'Updates come with the installed app; this one runs from a checkout, which updates with its source.'
          : feed
            ? undefined
            : 'This build of Rehearse was made without a release feed, so it cannot update itself.',
        nativeBinding: !app.isPackaged && existsSync(binding) ? binding : undefined,
        dataDir,
        host: 'electron',
        version: app.getVersion(),
        paths,
      });
    } catch (err) {
      const message = err instanceof AppError ? err.message : 'Rehearse could not open its data.';
      dialog.showErrorBox('Rehearse could not start', message);
      app.exit(1);
      return;
    }
    registerIpc(ipcMain, runtime, trustedSender(location.allowedPrefixes), () =>
      BrowserWindow.getAllWindows().map((w) => w.webContents),
    );
    showReminders(runtime.subscribe, (title, body) => {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      notification.on('click', () => window?.show());
      notification.show();
    });
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('will-quit', (event) => {
    if (!runtime || closing) return;
    closing = true;
    event.preventDefault();
    void runtime.close().finally(() => app.quit());
  });
}
