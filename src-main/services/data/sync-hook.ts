/**
 * The seam between "Delete everything" and sync. Sync does not exist yet: whoever builds it fills in these two
 * functions (and nothing else here needs to change). `eraseServerData` runs before anything local is deleted,
 * while the sync credentials still exist; if it fails, nothing is deleted and the candidate is told why.
 */
import type { ServiceContext } from '../../core/context';
import { eraseRemoteData, syncIsOn } from '../sync/service';

export interface SyncState {
  /** The candidate has opted in to sync. */
  on: boolean;
}

export interface ServerErase {
  /** False when sync is off: there was nothing on a server to delete. */
  attempted: boolean;
  ok: boolean;
  /** A sentence for the candidate: what was deleted, or why it could not be. */
  message: string;
}

export async function syncState(ctx: ServiceContext | null): Promise<SyncState> {
  return { on: ctx ? await syncIsOn(ctx) : false };
}

/** Deletes the candidate's records on the sync server (src-main/services/sync). */
export async function eraseServerData(ctx: ServiceContext | null): Promise<ServerErase> {
  const state = await syncState(ctx);
  if (!state.on)
    return { attempted: false, ok: true, message: 'Sync is off, so there was nothing on a server.' };
  const { erased } = await eraseRemoteData(ctx!);
  return erased
    ? { attempted: true, ok: true, message: 'Your data on the leaderboard server was deleted.' }
    : {
        attempted: true,
        ok: false,
        message: 'Your data on the leaderboard server could not be deleted: the server cannot be reached.',
      };
}
