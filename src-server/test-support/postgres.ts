// A throwaway PostgreSQL cluster for the server's tests: initdb into a temp folder, started on a free port on
// 127.0.0.1, stopped and removed afterwards. PostgreSQL refuses to run as root, so as root (CI) the cluster is
// made and run as the `postgres` user (or `nobody`) through runuser.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../tests/support/net';

export const SKIP_PG = process.env.REHEARSE_SKIP_PG === '1';

export const PG_MISSING =
  'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb and pg_ctl): install it (Debian: ' +
  'apt-get install postgresql; .ci/run does) or set REHEARSE_SKIP_PG=1 to run the server tests on SQLite only.';

/** The newest PostgreSQL's bin folder, or undefined. REHEARSE_PG_BIN overrides the search. */
export function postgresBin(): string | undefined {
  const candidates = process.env.REHEARSE_PG_BIN
    ? [process.env.REHEARSE_PG_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .filter((v) => /^\d+$/.test(v))
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => join('/usr/lib/postgresql', v, 'bin'))
      : [];
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

export interface TempPostgres {
  port: number;
  /** A new, empty database on the cluster; its postgres:// URL. */
  newDatabase(): Promise<string>;
  stop(): void;
}

/** Who runs the cluster: ourselves, or as root an unprivileged user that exists here. */
function runAs(): { user: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
      return { user, uid, gid };
    } catch {
      // no such user; try the next
    }
  }
  throw new Error('Running as root and neither the postgres nor the nobody user exists to run PostgreSQL.');
}

export async function startPostgres(): Promise<TempPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error(PG_MISSING);
  const as = runAs();
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = as
      ? ['runuser', ['-u', as.user, '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
    const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) {
      throw new Error(
        `${tool} failed (${r.status ?? r.signal}): ${(r.stderr || r.stdout || String(r.error)).trim()}`,
      );
    }
  };
  // as root, under /tmp rather than $TMPDIR, which may sit in a folder the cluster's user cannot enter
  const dir = mkdtempSync(join(as && existsSync('/tmp') ? '/tmp' : tmpdir(), 'rehearse-pg-'));
  if (as) chownSync(dir, as.uid, as.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'log');
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
    process.off('exit', stop);
  };
  process.on('exit', stop);
  try {
    run('initdb', ['-D', data, '-U', 'rehearse', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      try {
        run('pg_ctl', [
          '-D',
          data,
          '-l',
          log,
          '-w',
          '-t',
          '60',
          '-o',
          // durability off: it is a throwaway cluster
          `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
          'start',
        ]);
        started = true;
        break;
      } catch (err) {
        if (attempt >= 2) {
          const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
          throw new Error(`${(err as Error).message}\n${tail}`, { cause: err });
        }
      }
    }
    const base = `postgres://rehearse@127.0.0.1:${port}`;
    let n = 0;
    return {
      port,
      async newDatabase() {
        const name = `t${process.pid}_${++n}_${Math.random().toString(36).slice(2, 8)}`;
        const client = new pg.Client({ connectionString: `${base}/postgres` });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return `${base}/${name}`;
      },
      stop,
    };
  } catch (err) {
    stop();
    throw err;
  }
}
