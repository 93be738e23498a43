import { describe, expect, it } from 'vitest';
import { findElectron } from './electron';

const binary = () => '/opt/electron/electron';
const missing = () => {
  throw new Error('Electron failed to install correctly');
};

describe('choosing between the desktop app and the browser', () => {
  it('opens Electron when its binary and SQLite for Electron are both there and a display is', () => {
    expect(findElectron({ DISPLAY: ':0' }, 'linux', binary, () => true)).toEqual({
      binary: '/opt/electron/electron',
    });
    expect(findElectron({}, 'darwin', binary, () => true)).toEqual({ binary: '/opt/electron/electron' });
  });

  it('says why in one sentence when it cannot', () => {
    expect(findElectron({ DISPLAY: ':0' }, 'linux', missing, () => true)).toEqual({
      reason:
        "Electron's binary is not installed on this machine, so Rehearse is opening in your browser instead.",
    });
    expect(findElectron({ DISPLAY: ':0' }, 'linux', binary, () => false)).toEqual({
      reason:
        'SQLite for Electron is not installed here (run npm ci with a network connection), so Rehearse is opening in your browser instead.',
    });
    expect(findElectron({}, 'linux', binary, () => true)).toEqual({
      reason:
        'There is no display to open a window on, so Rehearse is serving its interface to your browser instead.',
    });
  });
});
