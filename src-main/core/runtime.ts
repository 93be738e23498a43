import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../src-shared/contract';
import { connect, DB_FILE_NAME, openSqlite, type Connection } from '../db/connection';
import { loadMigrations, migrate } from '../db/migrator';
import { createLogger, type Logger } from '../logging/logger';
import { appPaths, type AppPaths } from '../paths';
import { AppError } from '../../src-shared/errors';
import { osKeychain, type SecretStore } from '../services/ai/keychain';
import { AiService } from '../services/ai/service';
import { loadBank } from '../services/questions/bank';
import { loadShippedCompanies } from '../services/companies/profiles';
import { ResumeParser } from '../services/resume/runner';
import { bindDataService, DataService } from '../services/data/service';
import { loadTaxonomy, type Taxonomy } from '../services/resume/skills';
import { SyncEngine, type SyncOptions } from '../services/sync/service';
import { UpdateService, type UpdaterPort } from '../services/updates/service';
import { lockedError, Vault } from '../services/vault/vault';
import { OPEN_WHILE_LOCKED } from '../../src-shared/vault';
import type { HostKind, ServiceContext } from './context';
import { createDispatcher, type Invoke } from './dispatch';
import { createHandlers } from './handlers';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Runtime {
  ctx: ServiceContext;
  connection: Connection;
  invoke: Invoke;
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  dataDir: string;
  host: HostKind;
  paths?: AppPaths;
  now?: () => Date;
  logger?: Logger;
  checkOutputs?: boolean;
  /** Defaults to package.json's; a packaged app passes app.getVersion(). */
  version?: string;
  /** The OS keychain by default. */
  secrets?: SecretStore;
  /** A better-sqlite3 build for Electron's ABI when the shell runs unpackaged. */
  nativeBinding?: string;
  /** Leaderboard sync's fetch, clock and timer (tests). */
  sync?: SyncOptions;
  /** electron-updater's updater, from the packaged desktop app only; without it updates say why not. */
  updater?: UpdaterPort;
  /** Why there is no updater, when the desktop app knows better than the default sentence. */
  updatesUnavailable?: string;
}

/** Opens the data dir, migrates, loads the bank and wires the handlers: the same for every host. */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const paths = options.paths ?? appPaths();
  mkdirSync(options.dataDir, { recursive: true });
  const logger = options.logger ?? createLogger(options.dataDir);
  const dbFile = join(options.dataDir, DB_FILE_NAME);
  const migrations = loadMigrations(paths.migrations);
  const listeners = new Set<EventListener>();
  const emit: ServiceContext['emit'] = (event, payload) => {
    for (const listener of listeners) {
      try {
        listener(event, payload);
      } catch (err) {
        logger.warn({ err, event }, 'event listener failed');
      }
    }
  };
  const version =
    options.version ??
    (JSON.parse(readFileSync(join(paths.root, 'package.json'), 'utf8')) as { version: string }).version;
  const taxonomyFile = paths.taxonomy;
  const resumeParser = new ResumeParser(taxonomyFile);
  let taxonomy: Taxonomy | undefined;
  const now = options.now ?? (() => new Date());
  const secrets = options.secrets ?? osKeychain();
  const bank = loadBank(paths.questions);
  const companies = loadShippedCompanies(paths.companies);
  const sync = new SyncEngine({ ...options.sync, secrets, host: options.host });
  // Outlives each connection: a download in progress goes on while the data is replaced.
  const updates = new UpdateService({
    dataDir: options.dataDir,
    currentVersion: version,
    logger,
    now,
    updater: options.updater,
    unavailableReason: options.updatesUnavailable,
    emit: (status) => emit('updates.changed', status),
  });

  // Backups, restore, import and erase; it outlives each connection (see `exclusive` below).
  const data: DataService = new DataService({
    dataDir: options.dataDir,
    logger,
    now,
    version,
    migrations,
    secrets,
    nativeBinding: options.nativeBinding,
    emit,
    sqlite: () => current.connection.sqlite,
    vault: () => vault,
    exclusive: (work) => exclusive(work),
  });

  // The passphrase's key outlives each connection too: replacing the data keeps it unlocked if it still fits.
  const vault: Vault = new Vault({
    dataDir: options.dataDir,
    logger,
    now,
    emitChanged: (status) => emit('vault.changed', status),
    // The data is encrypted whatever happens here: a failure is the candidate's to know, not the request's.
    afterEncrypt: async (): Promise<void> => {
      try {
        await data.replaceBackups();
      } catch (err) {
        logger.warn({ err }, 'unencrypted backups not replaced');
        emit('app.notice', {
          level: 'warning',
          message: `Your data is encrypted, but the older, unencrypted backups could not be removed (${(err as Error).message}). They are in ${data.backups.dir}.`,
        });
      }
    },
  });

  async function openDatabase(): Promise<Connection> {
    const sqlite = openSqlite(dbFile, options.nativeBinding);
    try {
      await data.backupBeforeMigrations(sqlite);
      const report = migrate(sqlite, migrations);
      if (report.applied.length > 0) logger.info({ applied: report.applied }, 'migrations applied');
    } catch (err) {
      logger.error({ err }, 'migration failed');
      sqlite.close();
      throw err;
    }
    return connect(sqlite);
  }

  /** The services over one connection; rebuilt when the data is replaced, so nothing cached survives it. */
  async function build(connection: Connection) {
    vault.attach(connection.sqlite);
    const ai = new AiService({
      db: connection.db,
      vault,
      logger,
      now,
      secrets,
      modelsDir: join(options.dataDir, 'models'),
    });
    await ai.load();
    // Interactive hosts watch provider health in the background; the CLI checks when asked (doctor).
    if (options.host !== 'cli') ai.start();
    const ctx: ServiceContext = {
      db: connection.db,
      logger,
      bank,
      companies,
      paths,
      resumeParser,
      taxonomy: () => (taxonomy ??= loadTaxonomy(taxonomyFile)),
      dataDir: options.dataDir,
      host: options.host,
      version,
      now,
      ai,
      vault,
      updates,
      newId: randomUUID,
      emit,
    };
    bindDataService(ctx, data);
    sync.attach(ctx);
    const invoke = createDispatcher(createHandlers(ctx), { logger, checkOutputs: options.checkOutputs });
    return { ctx, connection, ai, invoke };
  }

  const isNew = !existsSync(dbFile);
  // A turn of the event loop between loading the bank and opening the data: the browser host, listening
  // already, answers the page's requests in it.
  await new Promise<void>((resolve) => setImmediate(resolve));
  let current = await build(await openDatabase());

  // Requests wait while the data is being replaced; `inside` tells a replacement asked for by a request apart.
  const inside = new AsyncLocalStorage<true>();
  let inFlight = 0;
  let gate: Promise<void> | null = null;

  /** Holds new requests, waits for the others to finish, closes the database, runs `work`, reopens. */
  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (gate)
      throw new AppError('CONFLICT', 'Rehearse is already replacing your data; try again in a moment.');
    let open!: () => void;
    gate = new Promise<void>((resolve) => (open = resolve));
    try {
      const self = inside.getStore() ? 1 : 0;
      const deadline = Date.now() + EXCLUSIVE_WAIT_MS;
      while (inFlight > self) {
        if (Date.now() > deadline)
          throw new AppError(
            'CONFLICT',
            'Rehearse is still busy with another request (a download or a model answer); wait for it to finish, then try again. Nothing was changed.',
          );
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const old = current;
      old.ai.stop();
      await old.connection.close();
      let result: T | undefined;
      let failure: unknown;
      try {
        result = await work();
      } catch (err) {
        failure = err;
      }
      current = await build(await openDatabase());
      logger.info({ ok: failure === undefined }, 'database reopened');
      if (failure !== undefined) throw failure;
      return result as T;
    } finally {
      gate = null;
      open();
    }
  }

  const invoke: Invoke = async (channel, input) => {
    while (gate) await gate;
    if (vault.locked && !OPEN_WHILE_LOCKED.has(channel))
      return { ok: false, error: lockedError().toPayload() };
    inFlight++;
    try {
      return await inside.run(true, () => current.invoke(channel, input));
    } finally {
      inFlight--;
    }
  };

  // The first start of each day backs the data up, in the background; the CLI only backs up before migrating.
  if (options.host !== 'cli' && !isNew) data.startDaily();
  sync.start();
  updates.start();
  logger.info({ host: options.host, version }, 'runtime started');
  return {
    get ctx() {
      return current.ctx;
    },
    get connection() {
      return current.connection;
    },
    invoke,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      while (gate) await gate;
      await data.close();
      await sync.stop();
      updates.close();
      listeners.clear();
      current.ai.stop();
      await resumeParser.close();
      await current.connection.close();
      logger.info('runtime closed');
      logger.flush();
    },
  };
}

/** How long replacing the data waits for other requests to finish before it gives up. */
const EXCLUSIVE_WAIT_MS = 15_000;
