import { create } from 'zustand';
import type { ChannelOutput } from '../../src-shared/contract';
import type { Category, Profile } from '../../src-shared/domain';
import type { VaultStatus } from '../../src-shared/vault';
import { call, messageOf, onLockedError, RehearseError } from './api';

export type Screen =
  | { name: 'home' }
  | { name: 'setup'; companyId?: string; jobId?: string; categories?: Category[]; questionCount?: number }
  | { name: 'room'; sessionId: string }
  | { name: 'review'; sessionId: string }
  | { name: 'history' }
  | { name: 'resume' }
  | { name: 'jobs' }
  | { name: 'questions' }
  | { name: 'companies' }
  | { name: 'diagnostics' }
  | { name: 'settings' }
  | { name: 'progress' }
  | { name: 'achievements' }
  | { name: 'plan' }
  | { name: 'leaderboard' };

export interface Notice {
  id: number;
  kind: 'success' | 'error';
  message: string;
}

interface AppState {
  status: 'loading' | 'ready' | 'failed';
  loadError?: string;
  profile: Profile | null;
  catalog: ChannelOutput<'catalog.get'> | null;
  info: ChannelOutput<'app.info'> | null;
  /** Null until the first load; while enabled and locked, the unlock screen replaces the app. */
  vault: VaultStatus | null;
  screen: Screen;
  notices: Notice[];
  load(): Promise<void>;
  /** Takes a vault status from a vault call or event; when it unlocks, the app's data is read before it shows. */
  setVault(vault: VaultStatus): Promise<void>;
  checkVault(): Promise<void>;
  go(screen: Screen): void;
  setProfile(profile: Profile): void;
  notify(kind: Notice['kind'], message: string): void;
  dismiss(id: number): void;
}

let nextNotice = 1;

/** What a screen with unsaved work says before it is left; null when nothing would be lost. */
let leaveWarning: (() => string | null) | null = null;

/** A screen with unsaved work registers its warning here; the returned function takes it away. */
export function guardLeaving(warning: () => string | null): () => void {
  leaveWarning = warning;
  return () => {
    if (leaveWarning === warning) leaveWarning = null;
  };
}

// Closing the window or reloading loses unsaved work too. Asking here makes the browser ask the candidate, and
// makes Electron hold the window open for the shell to ask (see `confirmUnload`).
window.addEventListener('beforeunload', (event) => {
  if (!leaveWarning?.()) return;
  event.preventDefault();
  event.returnValue = '';
});

/** True when nothing unsaved would be lost, or the candidate chose to lose it. */
export function mayLeave(): boolean {
  const warning = leaveWarning?.();
  return !warning || window.confirm(warning);
}

export const useApp = create<AppState>((set, get) => ({
  status: 'loading',
  profile: null,
  catalog: null,
  info: null,
  vault: null,
  screen: { name: 'home' },
  notices: [],
  async load() {
    try {
      // All four at once: one round trip before the first screen. While locked, the profile and catalogue are
      // refused (and not needed: the unlock screen comes first), so their answers are only read when unlocked.
      const data = Promise.all([call('profile.get', {}), call('catalog.get', {})]);
      data.catch(() => undefined);
      const [vault, info] = await Promise.all([call('vault.status', {}), call('app.info', {})]);
      if (isLocked(vault)) {
        set({ vault, info, status: 'ready' });
        return;
      }
      const [profile, catalog] = await data;
      set({ vault, profile, catalog, info, status: 'ready' });
    } catch (err) {
      // Locked between the two reads: the LOCKED listener brings the unlock screen instead.
      if (err instanceof RehearseError && err.code === 'LOCKED') return;
      set({ status: 'failed', loadError: messageOf(err) });
    }
  },
  async setVault(vault) {
    if (isLocked(vault)) set({ vault, status: 'ready' });
    else if (!isLocked(get().vault)) set({ vault });
    // Just unlocked: the profile was never read (or may have changed meanwhile), so the unlock screen stays
    // until it has been, rather than flashing onboarding.
    else await get().load();
  },
  async checkVault() {
    const vault = await call('vault.status', {}).catch(() => null);
    if (vault) await get().setVault(vault);
  },
  go(screen) {
    if (!mayLeave()) return;
    set({ screen });
  },
  setProfile(profile) {
    set({ profile });
  },
  notify(kind, message) {
    // The same sentence can arrive twice (a request's own error and the host's notice about it): shown once.
    if (get().notices.some((n) => n.kind === kind && n.message === message)) return;
    const id = nextNotice++;
    set({ notices: [...get().notices, { id, kind, message }] });
    if (kind === 'success') setTimeout(() => get().dismiss(id), 5000);
  },
  dismiss(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
}));

const isLocked = (vault: VaultStatus | null) => Boolean(vault?.enabled && vault.locked);

onLockedError(() => void useApp.getState().checkVault());
