import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../src-main/paths';
import { buildServer } from './app';
import { DbUrlError, type DbTarget, migrateToLatest, openDatabase, parseDbTarget } from './db';
import type { RateLimits } from './http/limits';

export const DB_FILE_NAME = 'rehearse-server.sqlite';

export const HELP = `rehearse-server: the optional Rehearse leaderboard (HTTP API under /api/v1, docs at /docs)

Usage: rehearse-server [options]

  --port N          port to listen on (default $PORT or 8787; 0 picks a free one)
  --host ADDR       address to listen on (default $HOST or 127.0.0.1; 0.0.0.0 for every interface)
  --db URL          postgres://user:pass@host/db (or postgresql://) for PostgreSQL; file:/path, a plain path
                    or :memory: for SQLite (default $DATABASE_URL, else DATA_DIR/${DB_FILE_NAME})
  --data-dir DIR    where the default SQLite file lives (default $REHEARSE_DATA_DIR or the app's data folder)
  --rate-limit off  no rate limits (benchmarks only; also REHEARSE_SERVER_RATE_LIMIT=off)
  --trust-proxy     take client addresses from X-Forwarded-For (only behind your own proxy)
  --log-level L     fatal, error, warn, info (default), debug, trace or silent
  -h, --help        this text

Many replicas can run over one PostgreSQL database; rate limits are counted per replica.
Exit codes: 0 stopped cleanly, 1 could not start, 2 bad usage.`;

export interface CliConfig {
  port: number;
  host: string;
  target: DbTarget;
  rateLimits: Partial<RateLimits> | false;
  trustProxy: boolean;
  logLevel: string;
}

export class UsageError extends Error {}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function parseCli(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): CliConfig | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        'data-dir': { type: 'string' },
        'rate-limit': { type: 'string' },
        'trust-proxy': { type: 'boolean' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  const portText = values.port ?? env.PORT ?? '8787';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, not ${JSON.stringify(portText)}.`);
  }
  const rateLimit = values['rate-limit'] ?? env.REHEARSE_SERVER_RATE_LIMIT ?? 'on';
  if (rateLimit !== 'on' && rateLimit !== 'off') throw new UsageError('--rate-limit takes on or off.');
  const logLevel = values['log-level'] ?? env.LOG_LEVEL ?? 'info';
  if (!LEVELS.includes(logLevel)) throw new UsageError(`--log-level takes one of ${LEVELS.join(', ')}.`);
  const dbText = values.db ?? env.DATABASE_URL;
  let target: DbTarget;
  try {
    target = dbText
      ? parseDbTarget(dbText)
      : { dialect: 'sqlite', file: join(resolveDataDir(values['data-dir'], env), DB_FILE_NAME) };
  } catch (err) {
    if (err instanceof DbUrlError) throw new UsageError(err.message);
    throw err;
  }
  return {
    port: Number(portText),
    host: values.host ?? env.HOST ?? '127.0.0.1',
    target,
    rateLimits: rateLimit === 'off' ? false : {},
    trustProxy: values['trust-proxy'] ?? false,
    logLevel,
  };
}

/** Runs the server until SIGINT or SIGTERM. Resolves with the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  let config: CliConfig | 'help';
  try {
    config = parseCli(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`rehearse-server: ${err.message}\nTry rehearse-server --help.\n`);
    return 2;
  }
  if (config === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const database = openDatabaseOrNull(config.target);
  if (!database) return 1;
  try {
    const applied = await migrateToLatest(database.db);
    const app = await buildServer({
      database,
      rateLimits: config.rateLimits,
      trustProxy: config.trustProxy,
      logger: { level: config.logLevel },
    });
    if (applied.length) app.log.info({ applied }, 'migrated the database');
    await app.listen({ port: config.port, host: config.host });
    app.log.info(
      { database: database.dialect, at: database.description, rateLimits: config.rateLimits !== false },
      'rehearse-server ready',
    );
    return await new Promise<number>((resolve) => {
      const stop = (signal: string) => {
        app.log.info({ signal }, 'stopping');
        app.close().then(
          () => resolve(0),
          () => resolve(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  } catch (err) {
    process.stderr.write(`rehearse-server: could not start: ${(err as Error).message}\n`);
    await database.close().catch(() => {});
    return 1;
  }
}

function openDatabaseOrNull(target: DbTarget) {
  try {
    return openDatabase(target);
  } catch (err) {
    process.stderr.write(`rehearse-server: could not open the database: ${(err as Error).message}\n`);
    return null;
  }
}
