/**
 * The seam between "Delete everything" and leaderboard sync. `eraseServerData` runs before anything local is
 * deleted, while the device's id and secret still exist; if the server cannot be reached, nothing local is
 * deleted and the candidate is told why. Sync's own service does the talking (eraseRemoteData, syncIsOn).
 */
import type { ServiceContext } from '../../core/context';
import { eraseRemoteData, SECRET_ACCOUNT, syncIsOn } from '../sync/service';

export interface SyncState {
  /** Sync is on, or an erasure is still owed to the server. */
  on: boolean;
}

export interface ServerErase {
  /** False when sync is off: there was nothing on a server to delete. */
  attempted: boolean;
  ok: boolean;
  /** A sentence for the candidate: what was deleted, or why it could not be. */
  message: string;
}

/** The keychain entries sync keeps (the device secret), removed with everything else. */
export const SYNC_KEYCHAIN_ACCOUNTS = [{ account: SECRET_ACCOUNT, label: 'Your leaderboard device key' }];

export async function syncState(ctx: ServiceContext | null): Promise<SyncState> {
  return { on: ctx ? await syncIsOn(ctx) : false };
}

/** Deletes the candidate's records on the leaderboard server (and turns sync off). */
export async function eraseServerData(ctx: ServiceContext | null): Promise<ServerErase> {
  if (!(await syncState(ctx)).on)
    return { attempted: false, ok: true, message: 'Sync is off, so there was nothing on a server.' };
  const result = await eraseRemoteData(ctx!);
  return result.erased
    ? { attempted: true, ok: true, message: 'Your data on the leaderboard server was deleted.' }
    : {
        attempted: true,
        ok: false,
        message:
          'Sync is now off, but your data on the leaderboard server could not be deleted yet: the server cannot be reached.',
      };
}
