import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/runtime';
import { extractEntry, isSafeEntryName, readZip, ZipWriter } from './archive';

const LIMITS = { maxEntryBytes: 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024, maxEntries: 100 };

async function zip(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const file = join(tempDir(), 'a.zip');
  const writer = await ZipWriter.create(file, new Date(2026, 0, 2, 3, 4, 5));
  for (const [name, data] of Object.entries(entries)) await writer.add(name, [data]);
  await writer.finish();
  return readFileSync(file);
}

describe('the ZIP writer and reader', () => {
  it('round-trips entries, streamed in pieces, and other tools can read what it writes', async () => {
    const big = 'row,'.repeat(200_000);
    const file = join(tempDir(), 'b.zip');
    const writer = await ZipWriter.create(file, new Date());
    const digest = await writer.add(
      'tables/big.json',
      (function* () {
        for (let i = 0; i < 200; i++) yield big.slice(i * 4000, (i + 1) * 4000);
      })(),
    );
    await writer.add('resumes/cv.pdf', [Buffer.from([0, 1, 2, 255])]);
    await writer.add('empty.txt', []);
    await writer.finish();
    expect(digest.size).toBe(big.length);
    const bytes = readFileSync(file);
    const entries = readZip(bytes, { ...LIMITS, maxEntryBytes: 10_000_000, maxTotalBytes: 10_000_000 });
    expect(entries.map((e) => e.name)).toEqual(['tables/big.json', 'resumes/cv.pdf', 'empty.txt']);
    expect(extractEntry(bytes, entries[0]!).toString()).toBe(big);
    expect([...extractEntry(bytes, entries[1]!)]).toEqual([0, 1, 2, 255]);
    expect(extractEntry(bytes, entries[2]!).length).toBe(0);
    expect(bytes.length).toBeLessThan(big.length / 50); // it really is compressed
    // Another implementation reads it the same.
    const other = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(other.files)).toEqual(['tables/big.json', 'resumes/cv.pdf', 'empty.txt']);
    expect(await other.file('tables/big.json')!.async('string')).toBe(big);
  });

  it('refuses names that could leave the folder', () => {
    for (const bad of [
      '../../x',
      '/etc/passwd',
      'a/../../b',
      'C:\\x',
      'a\\..\\b',
      'a//b',
      './a',
      'dir/',
      '',
      'a\u0000b',
    ])
      expect(isSafeEntryName(bad), bad).toBe(false);
    for (const good of ['manifest.json', 'tables/sessions.json', 'resumes/1234-abcd.pdf'])
      expect(isSafeEntryName(good)).toBe(true);
  });

  it('refuses truncated, padded, traversing, duplicated, encrypted and lying archives', async () => {
    const good = await zip({ 'manifest.json': '{"a":1}', 'tables/x.json': 'x'.repeat(1000) });
    expect(readZip(good, LIMITS)).toHaveLength(2);
    const refuse = (bytes: Buffer, reason: RegExp) => expect(() => readZip(bytes, LIMITS)).toThrow(reason);

    refuse(good.subarray(0, good.length - 10), /not a ZIP archive, or it is damaged or cut short/);
    refuse(good.subarray(0, Math.floor(good.length / 2)), /damaged or cut short/);
    refuse(Buffer.concat([good, Buffer.from('trailing')]), /damaged or cut short/);
    refuse(Buffer.from('not a zip at all, just some text that is long enough'), /not a ZIP/);
    refuse(
      await zip({ '../../x': 'evil' }),
      /named "\.\.\/\.\.\/x", which could be written outside the data folder/,
    );
    refuse(await zip({ '/abs': 'evil' }), /outside the data folder/);

    // The same name twice.
    const twice = await zip({ 'a.json': '1', 'b.json': '2' });
    const cd = twice.lastIndexOf(Buffer.from('b.json'));
    twice.write('a', cd);
    twice.write('a', twice.indexOf(Buffer.from('b.json')));
    refuse(twice, /holds "a.json" twice/);

    // The encryption flag on an entry.
    const encrypted = Buffer.from(good);
    const central = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(encrypted.readUInt16LE(central + 8) | 1, central + 8);
    refuse(encrypted, /encrypted/);

    // A directory entry that names a different file from its local header.
    const lying = Buffer.from(good);
    lying.write('T', lying.indexOf(Buffer.from('tables/x.json')));
    refuse(lying, /does not match the archive's directory/);
  });

  it('inflates no further than the declared size (a zip bomb cannot grow past it), and checks the CRC', async () => {
    const bytes = await zip({ 'a.txt': 'a'.repeat(100_000) });
    const [entry] = readZip(bytes, LIMITS);
    expect(() => extractEntry(bytes, { ...entry!, size: 1000 })).toThrow(
      /damaged or holds more than its declared size/,
    );
    expect(() => extractEntry(bytes, { ...entry!, crc32: entry!.crc32 ^ 1 })).toThrow(
      /damaged \(its size or CRC does not match\)/,
    );
    // A declared size past the limit is refused before anything is inflated.
    const bomb = Buffer.from(bytes);
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(500 * 1024 * 1024, central + 24);
    expect(() => readZip(bomb, LIMITS)).toThrow(/larger than anything in a Rehearse export/);
    // Raw deflate garbage.
    const garbage = Buffer.from(bytes);
    const start = entry!.dataOffset;
    deflateRawSync(Buffer.from('zzz')).copy(garbage, start);
    garbage.fill(0xff, start + 5, start + 20);
    expect(() => extractEntry(garbage, entry!)).toThrow(/damaged/);
  });
});
