import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../tests/support/runtime';

// Electron cannot run under Vitest; these fakes record what the shell asks of it.
const electron = vi.hoisted(() => {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  let ready: () => void = () => undefined;
  const state = {
    lock: true,
    windows: [] as { options: unknown; url?: string }[],
    handlers: new Set<string>(),
    headerHook: undefined as
      undefined | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void),
  };
  const app = {
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    setPath: vi.fn(),
    isPackaged: false,
    getAppPath: vi.fn(() => process.cwd()),
    getVersion: vi.fn(() => '9.9.9'),
    on: vi.fn((name: string, fn: (...args: unknown[]) => void) =>
      listeners.set(name, [...(listeners.get(name) ?? []), fn]),
    ),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (ready = resolve))),
  };
  class BrowserWindow {
    static getAllWindows = () => [];
    webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn(), send: vi.fn(), isDestroyed: () => false };
    constructor(options: unknown) {
      state.windows.push({ options });
    }
    once = vi.fn();
    loadURL = vi.fn((url: string) => {
      state.windows.at(-1)!.url = url;
      return Promise.resolve();
    });
  }
  return {
    state,
    fireReady: () => ready(),
    module: {
      app,
      BrowserWindow,
      dialog: { showErrorBox: vi.fn() },
      shell: { openExternal: vi.fn() },
      ipcMain: { handle: vi.fn((c: string) => state.handlers.add(c)), removeHandler: vi.fn() },
      session: {
        defaultSession: {
          webRequest: { onHeadersReceived: vi.fn((fn: typeof state.headerHook) => (state.headerHook = fn)) },
          setPermissionRequestHandler: vi.fn(),
        },
      },
    },
  };
});
vi.mock('electron', () => electron.module);

// electron-updater drives Electron's network stack and installers; here only what the shell hands it is seen.
const updater = vi.hoisted(() => ({
  autoDownload: true,
  autoInstallOnAppQuit: true,
  allowDowngrade: true,
  allowPrerelease: true,
  checkForUpdates: vi.fn(() => Promise.resolve(null)),
  downloadUpdate: vi.fn(),
  quitAndInstall: vi.fn(),
  on: vi.fn(),
}));
vi.mock('electron-updater', () => ({ autoUpdater: updater }));

const settle = () => new Promise((r) => setTimeout(r, 200));

describe('the Electron shell', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.clearAllMocks();
    electron.state.windows = [];
    electron.state.handlers.clear();
    electron.state.lock = true;
  });

  it('quits at once when another instance holds the lock', async () => {
    electron.state.lock = false;
    const { runElectronApp } = await import('./main');
    runElectronApp();
    expect(electron.module.app.quit).toHaveBeenCalled();
    expect(electron.module.app.whenReady).not.toHaveBeenCalled();
  });

  it('points userData at the data dir, wires every channel and opens one locked-down window', async () => {
    const dataDir = tempDir();
    process.env.REHEARSE_DATA_DIR = dataDir;
    const { runElectronApp } = await import('./main');
    runElectronApp();
    expect(electron.module.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    electron.fireReady();
    await settle();
    expect(electron.state.handlers.has('rehearse:sessions.create')).toBe(true);
    expect(electron.state.windows).toHaveLength(1);
    expect(electron.state.windows[0]!.options).toMatchObject({
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    // From source __dirname is src-main/app; in the bundle it is out/main: either way, <outDir>/renderer/index.html.
    expect(electron.state.windows[0]!.url).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
    let headers: unknown;
    electron.state.headerHook!({ responseHeaders: {} }, (r) => (headers = r));
    expect(headers).toMatchObject({
      responseHeaders: { 'Content-Security-Policy': [expect.stringContaining("script-src 'self'")] },
    });
    delete process.env.REHEARSE_DATA_DIR;
  });

  it('loads SQLite built for Electron from native/electron when run from a checkout', async () => {
    // A file that is no native module at all: if the shell uses the path, opening the database fails visibly.
    const binding = join(process.cwd(), 'native', 'electron', 'better_sqlite3.node');
    mkdirSync(dirname(binding), { recursive: true });
    writeFileSync(binding, 'not a native module');
    try {
      process.env.REHEARSE_DATA_DIR = tempDir();
      const { runElectronApp } = await import('./main');
      runElectronApp();
      electron.fireReady();
      await settle();
      expect(electron.module.dialog.showErrorBox).toHaveBeenCalledWith(
        'Rehearse could not start',
        'Rehearse could not open its data.',
      );
    } finally {
      rmSync(binding, { force: true });
      delete process.env.REHEARSE_DATA_DIR;
    }
  });

  it('shows the migration error and exits instead of opening a half-migrated database', async () => {
    const dataDir = tempDir();
    process.env.REHEARSE_DATA_DIR = dataDir;
    const { openSqlite } = await import('../db/connection');
    const db = openSqlite(`${dataDir}/rehearse.sqlite`);
    db.exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, checksum TEXT, applied_at TEXT); INSERT INTO schema_migrations VALUES (999, '0999_future', 'x', 'now');",
    );
    db.close();
    const { runElectronApp } = await import('./main');
    runElectronApp();
    electron.fireReady();
    await settle();
    expect(electron.module.dialog.showErrorBox).toHaveBeenCalledWith(
      'Rehearse could not start',
      'Your data was saved by a newer version of Rehearse (it has migration 0999_future, which this version does not know). Update Rehearse to open it.',
    );
    expect(electron.module.app.exit).toHaveBeenCalledWith(1);
    expect(electron.state.windows).toHaveLength(0);
    delete process.env.REHEARSE_DATA_DIR;
  });

  it('hands electron-updater to the runtime only in a package built with a release feed, checking once allowed', async () => {
    const resources = tempDir();
    const dataDir = tempDir();
    // The candidate allowed checking in an earlier run.
    writeFileSync(join(dataDir, 'updates.json'), '{"allowed":true}');
    process.env.REHEARSE_DATA_DIR = dataDir;
    const resourcesPath = Object.getOwnPropertyDescriptor(process, 'resourcesPath');
    Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true });
    try {
      for (const [packaged, feed, checks] of [
        [false, true, 0],
        [true, false, 0],
        [true, true, 1],
      ] as const) {
        vi.resetModules();
        updater.checkForUpdates.mockClear();
        electron.module.app.isPackaged = packaged;
        rmSync(join(resources, 'app-update.yml'), { force: true });
        if (feed)
          writeFileSync(join(resources, 'app-update.yml'), 'provider: generic\nurl: http://127.0.0.1:9/\n');
        const { runElectronApp } = await import('./main');
        runElectronApp();
        electron.fireReady();
        await settle();
        expect(updater.checkForUpdates, `packaged ${packaged}, feed ${feed}`).toHaveBeenCalledTimes(checks);
        const quit = electron.module.app.on.mock.calls.find(([name]) => name === 'will-quit')![1] as (e: {
          preventDefault(): void;
        }) => void;
        quit({ preventDefault: () => undefined });
        await settle();
        electron.module.app.on.mockClear();
      }
      // Nothing downloads or installs on its own.
      expect(updater).toMatchObject({
        autoDownload: false,
        autoInstallOnAppQuit: false,
        allowDowngrade: false,
      });
    } finally {
      electron.module.app.isPackaged = false;
      if (resourcesPath) Object.defineProperty(process, 'resourcesPath', resourcesPath);
      else delete (process as { resourcesPath?: string }).resourcesPath;
      delete process.env.REHEARSE_DATA_DIR;
    }
  });
});
