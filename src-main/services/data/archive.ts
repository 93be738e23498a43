/**
 * A small ZIP writer and a strict ZIP reader over node:zlib. Written here rather than with jszip because the
 * reader has to refuse a damaged or hostile archive before anything is written: it checks every entry's name,
 * that the central directory and local headers agree, that no entries overlap, that nothing is encrypted or
 * zip64, and inflates each entry no further than the size it declares, checking its CRC. The writer streams
 * each entry through deflate to disk, so an export never holds the whole archive in memory.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw, inflateRawSync } from 'node:zlib';

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const UTF8_FLAG = 0x0800;
const MAX_32 = 0xffffffff;

/** What a refused archive gets: a sentence saying why, for the candidate. */
export class ArchiveError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ArchiveError';
  }
}

/** A name safe to show in a message: quoted, control characters escaped, cut short. */
export const shownName = (name: string) => JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);

/** MS-DOS date and time, as ZIP stores them (local time, two-second steps). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, date.getFullYear()));
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

interface Written {
  name: Buffer;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export interface EntryDigest {
  sha256: string;
  size: number;
}

type Chunk = string | Uint8Array;

/** Streams entries into a new ZIP file; `finish` writes the central directory. */
export class ZipWriter {
  private offset = 0;
  private readonly entries: Written[] = [];
  private readonly stamp: { time: number; date: number };

  private constructor(
    private readonly handle: FileHandle,
    modified: Date,
    private readonly level: number,
  ) {
    this.stamp = dosDateTime(modified);
  }

  /** `file` must not exist yet. `level` is deflate's, 1 (fastest) to 9 (smallest). */
  static async create(file: string, modified: Date, level = 6): Promise<ZipWriter> {
    return new ZipWriter(await open(file, 'wx', 0o600), modified, level);
  }

  private async write(bytes: Uint8Array, position: number): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done, position + done);
      done += bytesWritten;
    }
  }

  /** Deflates `source` into the archive under `name`; returns the SHA-256 and size of what went in. */
  async add(name: string, source: Iterable<Chunk> | AsyncIterable<Chunk>): Promise<EntryDigest> {
    const nameBytes = Buffer.from(name, 'utf8');
    if (this.entries.length >= 0xffff) throw new Error('too many entries for a ZIP without zip64');
    const start = this.offset;
    const header = Buffer.alloc(30 + nameBytes.length);
    header.writeUInt32LE(LOCAL_SIGNATURE, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(UTF8_FLAG, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14..25) are patched in once the data is written.
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    nameBytes.copy(header, 30);
    await this.write(header, start);

    let crc = 0;
    let size = 0;
    const hash = createHash('sha256');
    async function* counted() {
      for await (const chunk of source) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        if (bytes.length === 0) continue;
        crc = crc32(bytes, crc);
        size += bytes.length;
        hash.update(bytes);
        yield bytes;
      }
    }
    let position = start + header.length;
    // Deflate's output comes in 16 KB pieces; they are written in runs of about a megabyte.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const run = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await this.write(run, position);
      position += run.length;
    };
    await pipeline(Readable.from(counted()), createDeflateRaw({ level: this.level }), async (deflated) => {
      for await (const chunk of deflated as AsyncIterable<Buffer>) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= 1024 * 1024) await flush();
      }
      await flush();
    });
    const compressedSize = position - start - header.length;
    if (size > MAX_32 || compressedSize > MAX_32 || position > MAX_32)
      throw new Error('the archive is larger than 4 GB, which this format cannot hold');
    const patch = Buffer.alloc(12);
    patch.writeUInt32LE(crc >>> 0, 0);
    patch.writeUInt32LE(compressedSize, 4);
    patch.writeUInt32LE(size, 8);
    await this.write(patch, start + 14);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, compressedSize, size, offset: start });
    this.offset = position;
    return { sha256: hash.digest('hex'), size };
  }

  /** Writes the central directory, flushes to disk and closes the file. */
  async finish(): Promise<void> {
    const parts: Buffer[] = [];
    for (const e of this.entries) {
      const h = Buffer.alloc(46 + e.name.length);
      h.writeUInt32LE(CENTRAL_SIGNATURE, 0);
      h.writeUInt16LE(0x0314, 4); // made by: Unix, spec 2.0
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(UTF8_FLAG, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressedSize, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE((0o100600 << 16) >>> 0, 38); // a regular file, owner read/write
      h.writeUInt32LE(e.offset, 42);
      e.name.copy(h, 46);
      parts.push(h);
    }
    const directory = Buffer.concat(parts);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_SIGNATURE, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.offset, 16);
    await this.write(directory, this.offset);
    await this.write(end, this.offset + directory.length);
    await this.handle.sync();
    await this.handle.close();
  }

  /** Closes the file after a failure; the caller removes it. */
  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  dataOffset: number;
}

export interface ReadLimits {
  /** Largest inflated size of one entry. */
  maxEntryBytes: number;
  /** Largest inflated size of all entries together. */
  maxTotalBytes: number;
  maxEntries: number;
}

/**
 * Names a Rehearse archive may hold: relative, forward slashes, no empty, '.' or '..' segments, no drive letters,
 * backslashes or control characters. Anything else is refused before it can become a path.
 */
export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 200) return false;
  if (name.startsWith('/') || name.endsWith('/')) return false;
  if (/[\\:]/.test(name) || [...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Reads and checks the archive's directory; throws ArchiveError with the reason when anything is off. */
export function readZip(bytes: Buffer, limits: ReadLimits): ZipEntry[] {
  const notZip = () => new ArchiveError('This file is not a ZIP archive, or it is damaged or cut short.');
  if (bytes.length < 22) throw notZip();
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === END_SIGNATURE && i + 22 + bytes.readUInt16LE(i + 20) === bytes.length) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notZip();
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (
    bytes.readUInt16LE(end + 4) !== 0 ||
    bytes.readUInt16LE(end + 6) !== 0 ||
    bytes.readUInt16LE(end + 8) !== count
  )
    throw new ArchiveError('This archive is split across several files, which Rehearse does not read.');
  if (directoryOffset === MAX_32 || count === 0xffff)
    throw new ArchiveError('This archive uses zip64, which a Rehearse export never does.');
  if (directoryOffset + directorySize !== end) throw notZip();
  if (count > limits.maxEntries)
    throw new ArchiveError(`This archive holds ${count} files, more than a Rehearse export ever does.`);

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let total = 0;
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw notZip();
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    if (at + 46 + nameLength + extraLength + commentLength > end) throw notZip();
    let name: string;
    try {
      name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    } catch {
      throw new ArchiveError('This archive has a file whose name is not valid text.');
    }
    at += 46 + nameLength + extraLength + commentLength;

    if (!isSafeEntryName(name))
      throw new ArchiveError(
        `This archive has a file named ${shownName(name)}, which could be written outside the data folder; it is refused.`,
      );
    if (names.has(name)) throw new ArchiveError(`This archive holds ${shownName(name)} twice.`);
    names.add(name);
    if (flags & 0x0001)
      throw new ArchiveError('This archive is encrypted, which a Rehearse export never is.');
    if (method !== 0 && method !== 8)
      throw new ArchiveError(`${shownName(name)} is compressed in a way Rehearse does not read.`);
    if (size === MAX_32 || compressedSize === MAX_32 || localOffset === MAX_32)
      throw new ArchiveError('This archive uses zip64, which a Rehearse export never does.');
    if (size > limits.maxEntryBytes)
      throw new ArchiveError(`${shownName(name)} is larger than anything in a Rehearse export.`);
    total += size;
    if (total > limits.maxTotalBytes)
      throw new ArchiveError('This archive expands to more data than a Rehearse export ever holds.');

    if (localOffset + 30 > directoryOffset || bytes.readUInt32LE(localOffset) !== LOCAL_SIGNATURE)
      throw notZip();
    const localNameLength = bytes.readUInt16LE(localOffset + 26);
    const localExtraLength = bytes.readUInt16LE(localOffset + 28);
    if (
      bytes.readUInt16LE(localOffset + 8) !== method ||
      !bytes
        .subarray(localOffset + 30, localOffset + 30 + localNameLength)
        .equals(
          bytes.subarray(at - commentLength - extraLength - nameLength, at - commentLength - extraLength),
        )
    )
      throw new ArchiveError(`The entry for ${shownName(name)} does not match the archive's directory.`);
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    if (dataOffset + compressedSize > directoryOffset) throw notZip();
    if (method === 0 && compressedSize !== size) throw notZip();
    entries.push({ name, method, crc32: crc, compressedSize, size, localOffset, dataOffset });
  }
  // Entries that share bytes are how some zip bombs multiply themselves.
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1]!;
    if (prev.dataOffset + prev.compressedSize > byOffset[i]!.localOffset)
      throw new ArchiveError('Files in this archive overlap each other; it is refused.');
  }
  return entries;
}

/** The entry's bytes, inflated no further than its declared size, with size and CRC checked. */
export function extractEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Buffer;
  if (entry.method === 0) out = data;
  else {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (err) {
      const tooBig =
        (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError;
      throw new ArchiveError(
        tooBig
          ? `${shownName(entry.name)} is damaged or holds more than its declared size; it is refused.`
          : `${shownName(entry.name)} is damaged and cannot be read.`,
      );
    }
  }
  if (out.length !== entry.size || crc32(out) >>> 0 !== entry.crc32)
    throw new ArchiveError(`${shownName(entry.name)} is damaged (its size or CRC does not match).`);
  return out;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
