import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_ERRORS } from '../../../src-shared/resume';
import { appPaths } from '../../paths';
import { ResumeParser } from './runner';

const TEXT = new TextEncoder().encode('Ada Lovelace\nada@example.com\n\nSKILLS\nPython, SQL\n');
const parsers: ResumeParser[] = [];
const parser = () => {
  const p = new ResumeParser(join(appPaths().resources, 'skills', 'taxonomy.json'));
  parsers.push(p);
  return p;
};
afterEach(async () => {
  while (parsers.length) await parsers.pop()!.close();
});

describe('the résumé parsing worker', () => {
  it('parses in a worker and reports progress', async () => {
    const stages: string[] = [];
    const result = await parser().parse({ bytes: TEXT, onProgress: (stage) => stages.push(stage) });
    expect(result.contact).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(stages).toEqual(['Reading the file', 'Finding sections, dates and skills', 'Done']);
  });

  it('gives up with the timeout message, replaces the worker and parses the next file', async () => {
    const p = parser();
    await expect(p.parse({ bytes: TEXT, timeoutMs: 1 })).rejects.toThrow(FILE_ERRORS.timeout);
    await expect(p.parse({ bytes: TEXT })).resolves.toMatchObject({ contact: { name: 'Ada Lovelace' } });
  });

  it('stops when cancelled, before or during the parse', async () => {
    const p = parser();
    const before = new AbortController();
    before.abort();
    await expect(p.parse({ bytes: TEXT, signal: before.signal })).rejects.toThrow(
      'Reading the file was cancelled.',
    );
    const during = new AbortController();
    const running = p.parse({ bytes: TEXT, signal: during.signal });
    during.abort();
    await expect(running).rejects.toThrow('Reading the file was cancelled.');
    await expect(p.parse({ bytes: TEXT })).resolves.toMatchObject({ contact: { email: 'ada@example.com' } });
  });

  it('runs parses one at a time, in order', async () => {
    const p = parser();
    const names = await Promise.all(
      ['Ada Lovelace', 'Grace Hopper', 'Alan Turing'].map((n) =>
        p.parse({ bytes: new TextEncoder().encode(`${n}\n${n.split(' ')[0]!.toLowerCase()}@example.com\n`) }),
      ),
    );
    expect(names.map((r) => r.contact.name)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
  });
});
