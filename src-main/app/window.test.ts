import { describe, expect, it, vi } from 'vitest';
import { allowPermission, confirmUnload, CSP, lockDown, rendererLocation, windowOptions } from './window';

describe('the app window', () => {
  it("gives the microphone to the app's own page and nothing else to anyone", () => {
    const own = ['file:///opt/rehearse/renderer/index.html'];
    const page = 'file:///opt/rehearse/renderer/index.html#/practice';
    expect(allowPermission('media', page, ['audio'], own)).toBe(true);
    expect(allowPermission('media', page, ['audio', 'video'], own)).toBe(false);
    expect(allowPermission('media', page, ['video'], own)).toBe(false);
    expect(allowPermission('media', page, [], own)).toBe(false);
    expect(allowPermission('media', page, undefined, own)).toBe(false);
    expect(allowPermission('media', 'https://example.com/', ['audio'], own)).toBe(false);
    for (const other of ['notifications', 'geolocation', 'clipboard-read', 'openExternal'])
      expect(allowPermission(other, page, ['audio'], own)).toBe(false);
  });

  it('isolates the renderer: context isolation, sandbox, no Node', () => {
    const prefs = windowOptions('/app/out/preload/index.js').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('has a strict CSP: own scripts only, no objects, no framing', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).not.toContain('unsafe-inline');
    expect(CSP).not.toContain('unsafe-eval');
  });

  it('loads the built file, or the dev server when electron-vite provides one', () => {
    expect(rendererLocation('/app/out', undefined)).toEqual({
      url: 'file:///app/out/renderer/index.html',
      allowedPrefixes: ['file:///app/out/renderer/index.html'],
    });
    expect(rendererLocation('/app/out', 'http://localhost:5173')).toEqual({
      url: 'http://localhost:5173',
      allowedPrefixes: ['http://localhost:5173'],
    });
  });

  it('blocks new windows (web links go to the OS browser) and navigation away', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, fn: (event: { preventDefault(): void }, url: string) => void) =>
        handlers.set(name, fn),
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    };
    const openExternal = vi.fn();
    lockDown(contents as never, ['file:///app/index.html'], openExternal);

    expect(openHandler!({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/docs']]);

    const away = { preventDefault: vi.fn() };
    handlers.get('will-navigate')!(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { preventDefault: vi.fn() };
    handlers.get('will-navigate')!(home, 'file:///app/index.html#history');
    expect(home.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    handlers.get('will-attach-webview')!(webview, '');
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('closes a window holding unsaved work only when the candidate chooses to lose it', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }) => void>();
    const contents = {
      on: (name: string, fn: (event: { preventDefault(): void }) => void) => handlers.set(name, fn),
    };
    let answer = false;
    const ask = vi.fn(() => answer);
    confirmUnload(contents as never, ask);

    // Electron's default, when the page refuses to unload, is to keep the window: "Keep editing" leaves it so.
    const keep = { preventDefault: vi.fn() };
    handlers.get('will-prevent-unload')!(keep);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(keep.preventDefault).not.toHaveBeenCalled();
    // "Close without saving" overrides the page's refusal.
    answer = true;
    const close = { preventDefault: vi.fn() };
    handlers.get('will-prevent-unload')!(close);
    expect(close.preventDefault).toHaveBeenCalledTimes(1);
  });
});
