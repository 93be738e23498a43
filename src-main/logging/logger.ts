import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';

export type { Logger };

export const LOG_FILE = 'rehearse.log';
const MAX_BYTES = 5 * 1024 * 1024;
const KEEP = 5;

/**
 * Keys whose values never reach the log, wherever they sit in a logged object. Handlers also never log their
 * inputs; this is the second fence.
 */
export const REDACTED_KEYS = [
  'password',
  'passphrase',
  'apiKey',
  'key',
  'secret',
  'token',
  'authorization',
  'cookie',
  'text',
  'answer',
  'resumeText',
  'input',
];

/** rehearse.log → rehearse.log.1 → … → rehearse.log.5, done at open so a running app never loses lines. */
export function rotateLogs(dir: string, maxBytes = MAX_BYTES, keep = KEEP): void {
  const file = join(dir, LOG_FILE);
  if (!existsSync(file) || statSync(file).size < maxBytes) return;
  rmSync(`${file}.${keep}`, { force: true });
  for (let i = keep - 1; i >= 1; i--) {
    if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
  }
  renameSync(file, `${file}.1`);
}

export function createLogger(dataDir: string, options: { level?: string; maxBytes?: number } = {}): Logger {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  rotateLogs(dir, options.maxBytes);
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  return pino(
    {
      level: options.level ?? process.env.REHEARSE_LOG_LEVEL ?? 'info',
      base: { pid: process.pid },
      redact: { paths, censor: '[redacted]' },
    },
    pino.destination({ dest: join(dir, LOG_FILE), sync: true, mkdir: true }),
  );
}
