import { existsSync } from 'node:fs';
import { join, win32 } from 'node:path';

/** Where Chromium or Chrome usually lives on each platform, most specific first. */
export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])];
    return apps.flatMap((dir) => [
      `${dir}/Chromium.app/Contents/MacOS/Chromium`,
      `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`,
      `${dir}/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`,
    ]);
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((r): r is string =>
      Boolean(r),
    );
    return roots.flatMap((root) => [
      win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
      win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
  ];
}

const INSTALL_HINT: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'install Google Chrome or Chromium into /Applications',
  win32: 'install Google Chrome',
};

/**
 * The browser the journeys drive: `REHEARSE_CHROMIUM` when set (and it must exist), else the first usual
 * place that holds one. When none does, the error is one line naming what to install.
 */
export function findChromium(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const chosen = env.REHEARSE_CHROMIUM;
  if (chosen) {
    if (exists(chosen)) return chosen;
    throw new Error(
      `REHEARSE_CHROMIUM is set to ${chosen}, which does not exist: point it at a Chromium or Chrome binary.`,
    );
  }
  const found = browserCandidates(platform, env).find((p) => exists(p));
  if (found) return found;
  const hint = INSTALL_HINT[platform] ?? 'apt-get install -y chromium (Debian/Ubuntu)';
  throw new Error(
    `No Chromium or Chrome found for the journeys: ${hint}, or set REHEARSE_CHROMIUM to its binary.`,
  );
}
