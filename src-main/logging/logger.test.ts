import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/runtime';
import { createLogger, LOG_FILE, rotateLogs } from './logger';

describe('logging', () => {
  it('writes JSON lines and never the values of secret or personal keys', () => {
    const dir = tempDir();
    const logger = createLogger(dir);
    logger.info(
      {
        channel: 'x',
        apiKey: 'sk-SECRET1',
        nested: { password: 'hunter2', text: 'MY ANSWER' },
        input: { resumeText: 'CV' },
      },
      'hello',
    );
    logger.flush();
    const lines = readFileSync(join(dir, 'logs', LOG_FILE), 'utf8')
      .trim()
      .split('\n');
    const entry = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(entry).toMatchObject({ msg: 'hello', channel: 'x', apiKey: '[redacted]', input: '[redacted]' });
    const raw = lines.join('\n');
    for (const secret of ['sk-SECRET1', 'hunter2', 'MY ANSWER', 'CV"']) expect(raw).not.toContain(secret);
  });

  it('rotates a full log at open and keeps five old files', () => {
    const dir = join(tempDir(), 'logs');
    mkdirSync(dir);
    for (let round = 1; round <= 7; round++) {
      writeFileSync(join(dir, LOG_FILE), `round ${round}\n`.repeat(10));
      rotateLogs(dir, 50, 5);
    }
    expect(existsSync(join(dir, LOG_FILE))).toBe(false);
    expect(readFileSync(join(dir, `${LOG_FILE}.1`), 'utf8')).toContain('round 7');
    expect(readFileSync(join(dir, `${LOG_FILE}.5`), 'utf8')).toContain('round 3');
    expect(existsSync(join(dir, `${LOG_FILE}.6`))).toBe(false);
  });

  it('leaves a small log alone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOG_FILE), 'small\n');
    rotateLogs(dir, 1000, 5);
    expect(readFileSync(join(dir, LOG_FILE), 'utf8')).toBe('small\n');
  });
});
