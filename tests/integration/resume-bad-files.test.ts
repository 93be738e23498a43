import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_ERRORS } from '../../src-shared/resume';
import type { Runtime } from '../../src-main/core/runtime';
import { buildBadFiles, type BadFile } from '../fixtures/bad-files/corpus';
import { snapshot, testRuntime } from '../support/runtime';

let files: BadFile[] = [];
let corpusDir = '';
beforeAll(async () => {
  // Built once for the file (tempDir() is per test).
  corpusDir = mkdtempSync(join(tmpdir(), 'rehearse-bad-files-'));
  files = await buildBadFiles(corpusDir);
}, 120_000);
afterAll(() => rmSync(corpusDir, { recursive: true, force: true }));

const storedFiles = (runtime: Runtime) => {
  const dir = join(runtime.ctx.dataDir, 'resumes');
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('files a candidate might give us that we must refuse', () => {
  it('has at least 15 kinds of bad file', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it('refuses every one with its exact message, and stores nothing', async () => {
    const runtime = await testRuntime();
    const before = snapshot(runtime);
    const outcomes: string[] = [];
    for (const bad of files) {
      const bytes = readFileSync(bad.file);
      const result = await runtime.invoke('resumes.import', {
        requestId: randomUUID(),
        fileName: basename(bad.file),
        dataBase64: bytes.toString('base64'),
      });
      const message = result.ok ? 'accepted' : result.error.message;
      outcomes.push(`${bad.id}: ${message}`);
      expect.soft(message, `${bad.id} (${bad.description})`).toBe(FILE_ERRORS[bad.expected]);
    }
    expect(snapshot(runtime)).toBe(before);
    expect(storedFiles(runtime)).toEqual([]);
    // The worker survived every file: a good one still parses afterwards.
    const good = await runtime.invoke('resumes.importText', {
      requestId: randomUUID(),
      text: 'Ada Lovelace\nada@example.com\n\nSKILLS\nPython\n',
    });
    expect(good.ok, outcomes.join('\n')).toBe(true);
  }, 120_000);
});
