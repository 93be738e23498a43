import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../src-shared/contract';
import { connect, DB_FILE_NAME, openSqlite, type Connection } from '../db/connection';
import { loadMigrations, migrate } from '../db/migrator';
import { createLogger, type Logger } from '../logging/logger';
import { appPaths, type AppPaths } from '../paths';
import type { SecretStore } from '../services/ai/keychain';
import { AiService } from '../services/ai/service';
import { loadBank } from '../services/questions/bank';
import { loadShippedCompanies } from '../services/companies/profiles';
import { ResumeParser } from '../services/resume/runner';
import { loadTaxonomy, type Taxonomy } from '../services/resume/skills';
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
}

/** Opens the data dir, migrates, loads the bank and wires the handlers: the same for every host. */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const paths = options.paths ?? appPaths();
  mkdirSync(options.dataDir, { recursive: true });
  const logger = options.logger ?? createLogger(options.dataDir);
  const sqlite = openSqlite(join(options.dataDir, DB_FILE_NAME), options.nativeBinding);
  try {
    const report = migrate(sqlite, loadMigrations(paths.migrations));
    if (report.applied.length > 0) logger.info({ applied: report.applied }, 'migrations applied');
  } catch (err) {
    logger.error({ err }, 'migration failed');
    sqlite.close();
    throw err;
  }
  const connection = connect(sqlite);
  const listeners = new Set<EventListener>();
  const version =
    options.version ??
    (JSON.parse(readFileSync(join(paths.root, 'package.json'), 'utf8')) as { version: string }).version;
  const taxonomyFile = join(paths.resources, 'skills', 'taxonomy.json');
  const resumeParser = new ResumeParser(taxonomyFile);
  let taxonomy: Taxonomy | undefined;
  const now = options.now ?? (() => new Date());
  const ai = new AiService({
    db: connection.db,
    logger,
    now,
    secrets: options.secrets,
    modelsDir: join(options.dataDir, 'models'),
  });
  await ai.load();
  // Interactive hosts watch provider health in the background; the CLI checks when asked (doctor).
  if (options.host !== 'cli') ai.start();
  const ctx: ServiceContext = {
    db: connection.db,
    logger,
    bank: loadBank(join(paths.resources, 'questions')),
    companies: loadShippedCompanies(join(paths.resources, 'companies')),
    paths,
    resumeParser,
    taxonomy: () => (taxonomy ??= loadTaxonomy(taxonomyFile)),
    dataDir: options.dataDir,
    host: options.host,
    version,
    now,
    ai,
    newId: randomUUID,
    emit(event, payload) {
      for (const listener of listeners) {
        try {
          listener(event, payload);
        } catch (err) {
          logger.warn({ err, event }, 'event listener failed');
        }
      }
    },
  };
  const invoke = createDispatcher(createHandlers(ctx), { logger, checkOutputs: options.checkOutputs });
  logger.info({ host: options.host, version }, 'runtime started');
  return {
    ctx,
    connection,
    invoke,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      ai.stop();
      await resumeParser.close();
      await connection.close();
      logger.info('runtime closed');
      logger.flush();
    },
  };
}
