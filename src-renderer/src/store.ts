import { create } from 'zustand';
import type { ChannelOutput } from '../../src-shared/contract';
import type { Category, Profile } from '../../src-shared/domain';
import { call, messageOf } from './api';

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
  screen: Screen;
  notices: Notice[];
  load(): Promise<void>;
  go(screen: Screen): void;
  setProfile(profile: Profile): void;
  notify(kind: Notice['kind'], message: string): void;
  dismiss(id: number): void;
}

let nextNotice = 1;

export const useApp = create<AppState>((set, get) => ({
  status: 'loading',
  profile: null,
  catalog: null,
  info: null,
  screen: { name: 'home' },
  notices: [],
  async load() {
    try {
      const [profile, catalog, info] = await Promise.all([
        call('profile.get', {}),
        call('catalog.get', {}),
        call('app.info', {}),
      ]);
      set({ profile, catalog, info, status: 'ready' });
    } catch (err) {
      set({ status: 'failed', loadError: messageOf(err) });
    }
  },
  go(screen) {
    set({ screen });
  },
  setProfile(profile) {
    set({ profile });
  },
  notify(kind, message) {
    const id = nextNotice++;
    set({ notices: [...get().notices, { id, kind, message }] });
    if (kind === 'success') setTimeout(() => get().dismiss(id), 5000);
  },
  dismiss(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
}));
