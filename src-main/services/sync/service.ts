/**
 * Leaderboard sync, the app's side. Off by default. When on, the device is registered with the server (its
 * secret goes to the OS keychain, its id and alias to the database), finished sessions are queued in the outbox
 * and pushed, signed, whenever the server can be reached, with an exponential back-off persisted in the
 * database. Turning sync off erases the device on the server; when that cannot be done now, a pending-erase flag
 * makes the loop retry it. One `SyncEngine` per runtime; it follows the runtime's current service context.
 */
import type { Handlers } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import { ROLES } from '../../../src-shared/domain';
import {
  DEFAULT_SYNC_SERVER,
  SYNC_RECORD_KEYS,
  type LeaderboardView,
  type SyncPeriod,
  type SyncStatus,
} from '../../../src-shared/sync';
import type { HostKind, ServiceContext } from '../../core/context';
import type { SecretStore } from '../ai/keychain';
import { SyncClient, SyncRefusedError, SyncUnreachableError, type Device, type FetchLike } from './client';
import { SyncLoop } from './loop';
import { enqueueAll, latestRecord, onQueued, ownAverage, recordsFor } from './outbox';

/** The keychain account holding the device's signing secret. */
export const SECRET_ACCOUNT = 'sync-device-secret';
export const BATCH = 100;
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 60 * 60_000;

/** Delay before the attempt after `attempts` consecutive failures: 30 s, 1 min, 2 min, … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export interface SyncOptions {
  fetch?: FetchLike;
  /** The clock for scheduling (back-off, push times); signatures always use the real clock. */
  now?: () => Date;
  /** How often the interactive hosts push (ms); 60 s by default. */
  intervalMs?: number;
}

type Settings = NonNullable<Awaited<ReturnType<typeof readSettings>>>;

async function readSettings(ctx: ServiceContext) {
  return ctx.db.selectFrom('sync_settings').selectAll().where('id', '=', 1).executeTakeFirst();
}

const engines = new WeakMap<ServiceContext, SyncEngine>();

function engineOf(ctx: ServiceContext): SyncEngine {
  const engine = engines.get(ctx);
  if (!engine) throw new AppError('INTERNAL_ERROR', 'Sync is not set up in this host.');
  return engine;
}

export class SyncEngine {
  private ctx: ServiceContext | null = null;
  private readonly fetchFn: FetchLike;
  private readonly loop: SyncLoop;
  private running: Promise<void> | null = null;

  constructor(private readonly options: SyncOptions & { secrets: SecretStore; host: HostKind }) {
    this.fetchFn = options.fetch ?? ((...args) => fetch(...args));
    this.loop = new SyncLoop(() => this.tick(), options.intervalMs ?? 60_000);
  }

  private now(): Date {
    return this.options.now?.() ?? this.ctx?.now() ?? new Date();
  }

  /** Called by the runtime for each service context it builds. */
  attach(ctx: ServiceContext): void {
    this.ctx = ctx;
    engines.set(ctx, this);
    onQueued(ctx, () => this.loop.kick());
  }

  /** The timer, in the interactive hosts only (the CLI pushes nothing by itself). */
  start(): void {
    if (this.options.host !== 'cli') this.loop.start();
  }

  async stop(): Promise<void> {
    this.loop.stop();
    await this.running?.catch(() => {});
  }

  private get c(): ServiceContext {
    if (!this.ctx) throw new AppError('INTERNAL_ERROR', 'Sync is not set up in this host.');
    return this.ctx;
  }

  private client(url: string): SyncClient {
    return new SyncClient(url, this.fetchFn);
  }

  private async settings(): Promise<Settings> {
    const s = await readSettings(this.c);
    if (s) return s;
    await this.c.db
      .insertInto('sync_settings')
      .values({ id: 1, server_url: DEFAULT_SYNC_SERVER, updated_at: this.now().toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return (await readSettings(this.c))!;
  }

  private async update(values: Partial<Omit<Settings, 'id'>>): Promise<void> {
    await this.settings();
    await this.c.db
      .updateTable('sync_settings')
      .set({ ...values, updated_at: this.now().toISOString() })
      .where('id', '=', 1)
      .execute();
  }

  async status(): Promise<SyncStatus> {
    const s = await this.settings();
    const queued = await this.c.db
      .selectFrom('sync_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      enabled: s.enabled === 1,
      serverUrl: s.server_url,
      public: s.public === 1,
      device: s.device_id && s.alias ? { id: s.device_id, alias: s.alias } : null,
      pendingErase: s.pending_erase === 1,
      outbox: { queued: Number(queued.n), nextAttemptAt: s.next_attempt_at },
      lastContactAt: s.last_contact_at,
      lastPushAt: s.last_push_at,
      lastError: s.last_error,
    };
  }

  async preview() {
    const s = await this.settings();
    return {
      serverUrl: s.server_url,
      example: await latestRecord(this.c.db),
      sent: [...SYNC_RECORD_KEYS],
      neverSent: [
        'your name or email',
        'your résumé',
        'your job postings or companies',
        'your answers',
        'feedback text',
      ],
    };
  }

  private async device(s: Settings): Promise<Device | null> {
    if (!s.device_id) return null;
    const secret = await this.options.secrets.get(SECRET_ACCOUNT);
    return secret ? { id: s.device_id, secret } : null;
  }

  async enable(serverUrl: string, isPublic: boolean): Promise<SyncStatus> {
    await this.running?.catch(() => {});
    const s = await this.settings();
    const sameServer = s.server_url === serverUrl;
    await this.update({
      enabled: 1,
      server_url: serverUrl,
      public: isPublic ? 1 : 0,
      // A device belongs to one server: a new address means a new registration.
      ...(sameServer ? {} : { device_id: null, alias: null }),
      attempts: 0,
      next_attempt_at: null,
      last_error: null,
    });
    await enqueueAll(this.c.db, this.now().toISOString());
    await this.run(true);
    return this.status();
  }

  async setPublic(isPublic: boolean): Promise<SyncStatus> {
    await this.update({ public: isPublic ? 1 : 0 });
    const s = await this.settings();
    const device = await this.device(s);
    if (s.enabled === 1 && device) {
      try {
        await this.client(s.server_url).setPublic(device, isPublic);
        await this.update({ public_pending: 0 });
        await this.contacted();
      } catch (err) {
        // Kept here and owed to the server: the next pass that reaches it sends it.
        await this.update({ public_pending: 1, last_error: describe(err) });
        throw new AppError(
          'UNAVAILABLE',
          `Your choice is saved; the leaderboard server could not be reached (${describe(err)}), so it will be told as soon as it can be.`,
        );
      }
    }
    return this.status();
  }

  /** Turns sync off: clears the outbox and erases the device on the server (later, if it cannot be reached). */
  async disable(): Promise<{ erased: boolean; pending: boolean; status: SyncStatus }> {
    await this.running?.catch(() => {});
    const s = await this.settings();
    await this.c.db.deleteFrom('sync_outbox').execute();
    if (s.device_id) {
      await this.update({
        enabled: 0,
        pending_erase: 1,
        erase_device_id: s.device_id,
        erase_url: s.server_url,
        device_id: null,
        alias: null,
        attempts: 0,
        next_attempt_at: null,
      });
    } else {
      await this.update({ enabled: 0, attempts: 0, next_attempt_at: null, last_error: null });
    }
    await this.c.db.deleteFrom('sync_cache').execute();
    const result = await this.eraseIfPending(true);
    return { ...result, status: await this.status() };
  }

  /** Tries the pending erasure; `erased` is true when nothing of this device is left on a server. */
  async eraseIfPending(force: boolean): Promise<{ erased: boolean; pending: boolean }> {
    const s = await this.settings();
    if (s.pending_erase !== 1 || !s.erase_device_id || !s.erase_url) {
      if (s.pending_erase === 1) await this.update({ pending_erase: 0 });
      return { erased: true, pending: false };
    }
    if (!force && !this.due(s)) return { erased: false, pending: true };
    const secret = await this.options.secrets.get(SECRET_ACCOUNT);
    if (secret) {
      try {
        await this.client(s.erase_url).erase({ id: s.erase_device_id, secret });
      } catch (err) {
        // 401 UNKNOWN_DEVICE: already gone on the server.
        if (!(err instanceof SyncRefusedError && err.status === 401)) {
          await this.failed(err);
          return { erased: false, pending: true };
        }
      }
      await this.options.secrets.delete(SECRET_ACCOUNT);
    }
    await this.update({
      pending_erase: 0,
      erase_device_id: null,
      erase_url: null,
      attempts: 0,
      next_attempt_at: null,
      last_error: null,
    });
    return { erased: true, pending: false };
  }

  private due(s: Settings): boolean {
    return !s.next_attempt_at || this.now().getTime() >= Date.parse(s.next_attempt_at);
  }

  private async failed(err: unknown): Promise<void> {
    const s = await this.settings();
    const attempts = s.attempts + 1;
    const retryAfter = err instanceof SyncUnreachableError ? err.retryAfterMs : null;
    const delay = Math.max(backoffMs(attempts), retryAfter ?? 0);
    await this.update({
      attempts,
      next_attempt_at: new Date(this.now().getTime() + delay).toISOString(),
      last_error: describe(err),
    });
    this.c.logger.info({ attempts, delayMs: delay, error: describe(err) }, 'sync attempt failed');
  }

  private async contacted(): Promise<void> {
    await this.update({
      attempts: 0,
      next_attempt_at: null,
      last_error: null,
      last_contact_at: this.now().toISOString(),
    });
  }

  /** One pass: a pending erasure, then registration, then the outbox. Never two at once. */
  async run(force = false): Promise<void> {
    if (this.running) {
      await this.running.catch(() => {});
      if (!force) return;
    }
    this.running = this.pass(force).finally(() => (this.running = null));
    await this.running;
  }

  /** The loop's tick: errors are logged, never thrown. */
  async tick(): Promise<void> {
    try {
      await this.run(false);
    } catch (err) {
      this.ctx?.logger.warn({ err }, 'sync pass failed');
    }
  }

  private async pass(force: boolean): Promise<void> {
    let s = await this.settings();
    if (s.pending_erase === 1) {
      const { pending } = await this.eraseIfPending(force);
      if (pending) return;
      s = await this.settings();
    }
    if (s.enabled !== 1) return;
    if (!force && !this.due(s)) return;
    const client = this.client(s.server_url);
    try {
      let device = await this.device(s);
      if (!device) {
        // Never register a device whose secret could not be kept.
        const keychain = await this.options.secrets.available();
        if (!keychain.ok) throw new AppError('UNAVAILABLE', keychain.reason);
        const created = await client.register(s.public === 1);
        await this.options.secrets.set(SECRET_ACCOUNT, created.secret);
        await this.update({ device_id: created.id, alias: created.alias, public_pending: 0 });
        device = { id: created.id, secret: created.secret };
      } else if (s.public_pending === 1) {
        await client.setPublic(device, s.public === 1);
        await this.update({ public_pending: 0 });
      }
      await this.push(client, device);
      await this.contacted();
    } catch (err) {
      if (err instanceof SyncRefusedError && err.status === 401 && err.code === 'UNKNOWN_DEVICE') {
        // Erased on the server (or the server's database was replaced): register again next time.
        await this.update({ device_id: null, alias: null });
      }
      await this.failed(err);
    }
  }

  private async push(client: SyncClient, device: Device): Promise<void> {
    for (let guard = 0; guard < 1000; guard++) {
      const queued = await this.c.db
        .selectFrom('sync_outbox')
        .select('session_id')
        .orderBy('queued_at')
        .orderBy('session_id')
        .limit(BATCH)
        .execute();
      if (queued.length === 0) return;
      const ids = queued.map((q) => q.session_id);
      const records = await recordsFor(this.c.db, ids);
      const gone = ids.filter((id) => !records.has(id));
      if (gone.length > 0)
        await this.c.db.deleteFrom('sync_outbox').where('session_id', 'in', gone).execute();
      const batch = ids.filter((id) => records.has(id));
      if (batch.length === 0) continue;
      try {
        await client.submit(
          device,
          batch.map((id) => records.get(id)!),
        );
      } catch (err) {
        if (err instanceof SyncRefusedError && err.code === 'IMPLAUSIBLE' && Array.isArray(err.details)) {
          // Nothing was stored; drop the refused sessions (they would be refused forever) and send the rest.
          const refused = (err.details as { clientSessionId?: string }[])
            .map((d) => d.clientSessionId)
            .filter((id): id is string => typeof id === 'string');
          if (refused.length === 0) throw err;
          this.c.logger.warn({ refused: refused.length }, 'sync: sessions refused as implausible');
          await this.c.db.deleteFrom('sync_outbox').where('session_id', 'in', refused).execute();
          continue;
        }
        throw err;
      }
      await this.c.db.deleteFrom('sync_outbox').where('session_id', 'in', batch).execute();
      await this.update({ last_push_at: this.now().toISOString() });
    }
  }

  private async defaultRole(): Promise<(typeof ROLES)[number] | null> {
    const profile = await this.c.db.selectFrom('profile').select('target_role').executeTakeFirst();
    const isRole = (r: string | undefined): r is (typeof ROLES)[number] =>
      !!r && (ROLES as readonly string[]).includes(r);
    if (isRole(profile?.target_role)) return profile.target_role;
    const last = await latestRecord(this.c.db);
    return last?.role ?? null;
  }

  private async cached<T>(
    key: string,
    fetcher: () => Promise<T>,
  ): Promise<{ body: T; at: string; live: boolean } | null> {
    try {
      const body = await fetcher();
      const at = this.now().toISOString();
      await this.c.db
        .insertInto('sync_cache')
        .values({ key, body: JSON.stringify(body), fetched_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ body: JSON.stringify(body), fetched_at: at }))
        .execute();
      return { body, at, live: true };
    } catch (err) {
      if (!(err instanceof SyncUnreachableError)) throw err;
      const row = await this.c.db
        .selectFrom('sync_cache')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst();
      return row ? { body: JSON.parse(row.body) as T, at: row.fetched_at, live: false } : null;
    }
  }

  async leaderboard(period: SyncPeriod, roleInput?: (typeof ROLES)[number]): Promise<LeaderboardView> {
    const s = await this.settings();
    const role = roleInput ?? (await this.defaultRole());
    const base: LeaderboardView = {
      enabled: s.enabled === 1,
      role,
      period,
      alias: s.alias,
      public: s.public === 1,
      entries: [],
      percentile: null,
      fetchedAt: null,
      offline: false,
      message: null,
    };
    if (s.enabled !== 1)
      return { ...base, message: 'Turn on leaderboard sync in Settings to see the leaderboard.' };
    const client = this.client(s.server_url);
    let offline = false;
    let fetchedAt: string | null = null;
    let message: string | null = null;
    try {
      const board = await this.cached(`leaderboard:${role ?? '*'}:${period}`, () =>
        client.leaderboard(role, period),
      );
      if (board) {
        base.entries = board.body.entries;
        fetchedAt = board.at;
        offline ||= !board.live;
      } else offline = true;
      const mine = role ? await ownAverage(this.c.db, role) : null;
      if (role && mine !== null) {
        const p = await this.cached(`percentile:${role}`, () => client.percentile(role, mine));
        if (p) {
          base.percentile = {
            score: p.body.score,
            percentile: p.body.percentile,
            cohortSize: p.body.cohort.size,
            cohortAverage: p.body.cohort.averageScore,
            topTenPercent: p.body.topTenPercent
              ? {
                  minimumAverage: p.body.topTenPercent.minimumAverage,
                  averageScore: p.body.topTenPercent.averageScore,
                  sessionsPerWeek: p.body.topTenPercent.sessionsPerWeek,
                  hoursPerWeek: p.body.topTenPercent.hoursPerWeek,
                }
              : null,
          };
          offline ||= !p.live;
        }
      }
    } catch (err) {
      message = describe(err);
    }
    if (offline)
      message =
        fetchedAt === null
          ? 'The leaderboard server cannot be reached, and nothing has been fetched from it yet.'
          : 'The leaderboard server cannot be reached; showing the last data fetched.';
    return { ...base, fetchedAt, offline, message };
  }
}

function describe(err: unknown): string {
  if (err instanceof SyncUnreachableError || err instanceof SyncRefusedError) return err.message;
  if (err instanceof AppError) return err.message;
  return 'Something went wrong while syncing.';
}

/**
 * Erases this device's data on the leaderboard server (for "Delete everything"): `erased` when nothing of it is
 * left there (or sync was never used), `pending` when the server could not be reached and the erasure waits.
 */
export async function eraseRemoteData(ctx: ServiceContext): Promise<{ erased: boolean; pending: boolean }> {
  const engine = engines.get(ctx);
  if (!engine) return { erased: true, pending: false };
  return (await engine.disable()).pending
    ? { erased: false, pending: true }
    : { erased: true, pending: false };
}

/** Whether the candidate has sync on (or an erasure is still owed to the server). */
export async function syncIsOn(ctx: ServiceContext): Promise<boolean> {
  const s = await readSettings(ctx);
  return !!s && (s.enabled === 1 || s.pending_erase === 1);
}

type SyncHandlers = Pick<
  Handlers,
  | 'sync.status'
  | 'sync.preview'
  | 'sync.enable'
  | 'sync.setPublic'
  | 'sync.disable'
  | 'sync.now'
  | 'sync.leaderboard'
>;

export function syncHandlers(ctx: ServiceContext): SyncHandlers {
  return {
    'sync.status': () => engineOf(ctx).status(),
    'sync.preview': () => engineOf(ctx).preview(),
    'sync.enable': (input) => engineOf(ctx).enable(input.serverUrl, input.public),
    'sync.setPublic': (input) => engineOf(ctx).setPublic(input.public),
    'sync.disable': () => engineOf(ctx).disable(),
    'sync.now': async () => {
      await engineOf(ctx).run(true);
      return engineOf(ctx).status();
    },
    'sync.leaderboard': (input) => engineOf(ctx).leaderboard(input.period, input.role),
  };
}
