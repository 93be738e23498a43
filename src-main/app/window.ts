import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';

/** The renderer's content security policy, also set as a header for the dev server. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 820,
    minWidth: 720,
    minHeight: 560,
    show: false,
    title: 'Rehearse',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: true,
    },
  };
}

export interface RendererLocation {
  /** What to load: the dev server in development, the built index.html otherwise. */
  url: string;
  /** URLs the window may show and whose frames may call the api. */
  allowedPrefixes: string[];
}

export function rendererLocation(outDir: string, devServerUrl: string | undefined): RendererLocation {
  if (devServerUrl) return { url: devServerUrl, allowedPrefixes: [devServerUrl] };
  const index = pathToFileURL(join(outDir, 'renderer', 'index.html')).href;
  return { url: index, allowedPrefixes: [index] };
}

/**
 * What a page may be given: the microphone alone (to answer out loud), and only for the app's own pages; the
 * camera, notifications from pages, geolocation and everything else are refused.
 */
export function allowPermission(
  permission: string,
  requestingUrl: string,
  mediaTypes: readonly string[] | undefined,
  allowedPrefixes: readonly string[],
): boolean {
  return (
    permission === 'media' &&
    allowedPrefixes.some((p) => requestingUrl.startsWith(p)) &&
    mediaTypes !== undefined &&
    mediaTypes.length > 0 &&
    mediaTypes.every((t) => t === 'audio')
  );
}

/**
 * A screen with unsaved work refuses to unload (`beforeunload`). Electron then keeps the window open without a
 * word, so the shell asks the candidate and closes only when they choose to lose the work.
 */
export function confirmUnload(contents: Pick<WebContents, 'on'>, closeAnyway: () => boolean): void {
  contents.on('will-prevent-unload', (event) => {
    if (closeAnyway()) event.preventDefault();
  });
}

/**
 * No navigation away from the app and no new windows: links to the web open in the OS browser instead, and
 * anything else is dropped.
 */
export function lockDown(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  allowedPrefixes: string[],
  openExternal: (url: string) => void,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!allowedPrefixes.some((p) => url.startsWith(p))) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
