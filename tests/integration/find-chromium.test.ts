import { describe, expect, it } from 'vitest';
import { findChromium } from '../support/find-chromium';

const only = (path: string) => (p: string) => p === path;
const none = () => false;

describe('finding a browser for the journeys', () => {
  it('uses REHEARSE_CHROMIUM when it exists, and says so in one line when it does not', () => {
    expect(findChromium('linux', { REHEARSE_CHROMIUM: '/opt/c/chrome' }, only('/opt/c/chrome'))).toBe(
      '/opt/c/chrome',
    );
    expect(() => findChromium('linux', { REHEARSE_CHROMIUM: '/nope' }, only('/usr/bin/chromium'))).toThrow(
      'REHEARSE_CHROMIUM is set to /nope, which does not exist: point it at a Chromium or Chrome binary.',
    );
  });

  it('looks in the usual places on Linux, macOS and Windows', () => {
    expect(findChromium('linux', {}, only('/usr/bin/google-chrome-stable'))).toBe(
      '/usr/bin/google-chrome-stable',
    );
    expect(findChromium('linux', {}, only('/snap/bin/chromium'))).toBe('/snap/bin/chromium');
    expect(
      findChromium(
        'darwin',
        { HOME: '/Users/ana' },
        only('/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium'),
      ),
    ).toBe('/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(
      findChromium('darwin', {}, only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')),
    ).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium('win32', { PROGRAMFILES: 'C:\\Program Files' }, only(chrome))).toBe(chrome);
    const local = 'C:\\Users\\ana\\AppData\\Local\\Chromium\\Application\\chrome.exe';
    expect(findChromium('win32', { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, only(local))).toBe(
      local,
    );
  });

  it('fails with one line saying what to install when there is none', () => {
    const messageOf = (platform: NodeJS.Platform) => {
      try {
        findChromium(platform, {}, none);
      } catch (e) {
        return (e as Error).message;
      }
      return 'found one';
    };
    expect(messageOf('linux')).toBe(
      'No Chromium or Chrome found for the journeys: apt-get install -y chromium (Debian/Ubuntu), or set REHEARSE_CHROMIUM to its binary.',
    );
    expect(messageOf('darwin')).toBe(
      'No Chromium or Chrome found for the journeys: install Google Chrome or Chromium into /Applications, or set REHEARSE_CHROMIUM to its binary.',
    );
    expect(messageOf('win32')).toBe(
      'No Chromium or Chrome found for the journeys: install Google Chrome, or set REHEARSE_CHROMIUM to its binary.',
    );
    for (const p of ['linux', 'darwin', 'win32'] as const) expect(messageOf(p)).not.toContain('\n');
  });
});
