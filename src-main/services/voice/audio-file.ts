/**
 * The file a recording is written to as it arrives. Chunks are appended as frames, each sealed on its own when
 * a passphrase is set, so nothing has to be held back until the end and a crash loses at most the chunk being
 * written (a cut last frame is simply not read):
 *
 *   "RHAUD1\n" | flags (1 byte: 1 = frames sealed) | frame*
 *   frame = seq (u32 LE) | length (u32 LE) | payload (PCM, or AES-GCM sealed PCM bound to "audio/chunk/<seq>")
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BYTES_PER_SAMPLE, VOICE_SAMPLE_RATE } from '../../../src-shared/voice';
import type { Sqlite } from '../../db/connection';
import { hasTable, isSafeFileName, quoteId } from '../data/tables';
import { openBytes, OpenError, sealBytes } from '../vault/crypto';

export const AUDIO_DIR = 'audio';
export const AUDIO_EXT = '.rhaudio';
const MAGIC = Buffer.from('RHAUD1\n', 'latin1');
const HEADER_BYTES = MAGIC.length + 1;
const FRAME_HEAD = 8;

export const audioFileName = (recordingId: string) => `${recordingId}${AUDIO_EXT}`;
export const chunkContext = (seq: number) => `audio/chunk/${seq}`;

export function audioHeader(sealed: boolean): Buffer {
  return Buffer.concat([MAGIC, Buffer.from([sealed ? 1 : 0])]);
}

export function frame(seq: number, payload: Uint8Array): Buffer {
  const head = Buffer.alloc(FRAME_HEAD);
  head.writeUInt32LE(seq, 0);
  head.writeUInt32LE(payload.length, 4);
  return Buffer.concat([head, payload]);
}

export interface ParsedAudio {
  sealed: boolean;
  frames: { seq: number; payload: Buffer }[];
  /** Bytes at the end that are not a whole frame: a write a crash cut short. */
  cutBytes: number;
}

export class AudioFileError extends Error {}

export function parseAudio(bytes: Buffer): ParsedAudio {
  if (bytes.length < HEADER_BYTES || !MAGIC.equals(bytes.subarray(0, MAGIC.length)))
    throw new AudioFileError('not a Rehearse audio file');
  const sealed = bytes[MAGIC.length] === 1;
  const frames: ParsedAudio['frames'] = [];
  let at = HEADER_BYTES;
  while (at + FRAME_HEAD <= bytes.length) {
    const seq = bytes.readUInt32LE(at);
    const length = bytes.readUInt32LE(at + 4);
    if (at + FRAME_HEAD + length > bytes.length) break;
    frames.push({ seq, payload: bytes.subarray(at + FRAME_HEAD, at + FRAME_HEAD + length) });
    at += FRAME_HEAD + length;
  }
  return { sealed, frames, cutBytes: bytes.length - at };
}

/** The PCM of a file, its frames opened with `open` when sealed; frames after a gap in numbering are dropped. */
export function audioPcm(bytes: Buffer, open: (payload: Buffer, context: string) => Buffer): Buffer {
  const parsed = parseAudio(bytes);
  const parts: Buffer[] = [];
  let next = 0;
  for (const f of parsed.frames) {
    if (f.seq < next) continue;
    if (f.seq > next) break;
    parts.push(parsed.sealed ? open(f.payload, chunkContext(f.seq)) : f.payload);
    next++;
  }
  return Buffer.concat(parts);
}

/** The file's bytes with every frame moved from key `from` to key `to` (null: plain), for the vault's rewrite. */
export function recodeAudio(bytes: Buffer, from: Buffer | null, to: Buffer | null): Buffer {
  const parsed = parseAudio(bytes);
  if (parsed.sealed !== (from !== null))
    throw new AudioFileError(`an audio file is ${parsed.sealed ? '' : 'not '}encrypted, unlike the rest`);
  const out: Buffer[] = [audioHeader(to !== null)];
  for (const f of parsed.frames) {
    const context = chunkContext(f.seq);
    const plain = from ? openBytes(from, f.payload, context) : f.payload;
    out.push(frame(f.seq, to ? sealBytes(to, plain, context) : plain));
  }
  return Buffer.concat(out);
}

/** Whether a rewritten file (left beside the original by a crash) is readable under `key` (null: plain). */
export function audioFits(bytes: Buffer, key: Buffer | null): boolean {
  try {
    const parsed = parseAudio(bytes);
    if (parsed.sealed !== (key !== null)) return false;
    const first = parsed.frames[0];
    if (key && first) openBytes(key, first.payload, chunkContext(first.seq));
    return true;
  } catch (err) {
    if (err instanceof OpenError || err instanceof AudioFileError) return false;
    throw err;
  }
}

export function audioFiles(dataDir: string): string[] {
  const dir = join(dataDir, AUDIO_DIR);
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(AUDIO_EXT)) : [];
}

/** The audio file names a database's recordings refer to (none before the voice migration). */
export function recordingFileNames(db: Sqlite, schema = 'main'): string[] {
  if (!hasTable(db, 'recordings', schema)) return [];
  return (
    db
      .prepare(
        `SELECT file_name FROM ${quoteId(schema)}.recordings WHERE file_name IS NOT NULL ORDER BY file_name`,
      )
      .all() as { file_name: string }[]
  )
    .map((r) => r.file_name)
    .filter((n) => isSafeFileName(n) && n.endsWith(AUDIO_EXT));
}

/** In an export a recording is a plain WAV file anyone can play: audio/<id>.wav. */
export const audioEntry = (fileName: string) => `audio/${fileName.slice(0, -AUDIO_EXT.length)}.wav`;

/** The recording file an export's audio entry is stored as, or null when it is not one Rehearse writes. */
export function audioFileOfEntry(path: string): string | null {
  const m = /^audio\/([A-Za-z0-9][A-Za-z0-9_-]{0,100})\.wav$/.exec(path);
  return m ? `${m[1]}${AUDIO_EXT}` : null;
}

/** A plain recording file holding `pcm`, a frame per second (what an import or a WAV file becomes). */
export function audioFromPcm(pcm: Buffer): Buffer {
  const second = VOICE_SAMPLE_RATE * BYTES_PER_SAMPLE;
  const parts = [audioHeader(false)];
  for (let at = 0, seq = 0; at < pcm.length; at += second, seq++)
    parts.push(frame(seq, pcm.subarray(at, at + second)));
  return Buffer.concat(parts);
}

/** The samples of a WAV file in the recording format (PCM, 16-bit, mono, 16 kHz), or null for any other. */
export function pcmFromWav(wav: Buffer): Buffer | null {
  if (wav.length < 12 || wav.toString('latin1', 0, 4) !== 'RIFF' || wav.toString('latin1', 8, 12) !== 'WAVE')
    return null;
  let format: { tag: number; channels: number; rate: number; bits: number } | null = null;
  for (let at = 12; at + 8 <= wav.length;) {
    const id = wav.toString('latin1', at, at + 4);
    const size = wav.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ' && size >= 16 && body + 16 <= wav.length)
      format = {
        tag: wav.readUInt16LE(body),
        channels: wav.readUInt16LE(body + 2),
        rate: wav.readUInt32LE(body + 4),
        bits: wav.readUInt16LE(body + 14),
      };
    if (id === 'data') {
      if (!format || format.tag !== 1 || format.channels !== 1 || format.rate !== VOICE_SAMPLE_RATE)
        return null;
      if (format.bits !== 16) return null;
      // a writer that streamed the file may leave the size at its maximum: the data runs to the end
      const end = Math.min(wav.length, body + size);
      return wav.subarray(body, end - ((end - body) % BYTES_PER_SAMPLE));
    }
    at = body + size + (size % 2);
  }
  return null;
}

/** A WAV file (RIFF, PCM 16-bit mono 16 kHz) around raw samples: what transcription and exports take. */
export function wavFromPcm(pcm: Buffer): Buffer {
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(36 + pcm.length, 4);
  head.write('WAVE', 8, 'latin1');
  head.write('fmt ', 12, 'latin1');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);
  head.writeUInt16LE(1, 22);
  head.writeUInt32LE(VOICE_SAMPLE_RATE, 24);
  head.writeUInt32LE(VOICE_SAMPLE_RATE * BYTES_PER_SAMPLE, 28);
  head.writeUInt16LE(BYTES_PER_SAMPLE, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36, 'latin1');
  head.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([head, pcm]);
}

/** Samples as floats in [-1, 1], what speech models and the voice-activity detector take. */
export function pcmToFloat(pcm: Buffer): Float32Array {
  const n = Math.floor(pcm.length / BYTES_PER_SAMPLE);
  // Read through a typed view (twenty times faster than readInt16LE, which held the main thread about 100 ms per
  // two minutes of audio); a view needs an even offset, so an odd one is copied first. Every platform Electron
  // ships for is little-endian, as the PCM is.
  const bytes = pcm.byteOffset % 2 === 0 ? pcm : Buffer.from(pcm);
  const samples = new Int16Array(bytes.buffer, bytes.byteOffset, n);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = samples[i]! / 32768;
  return out;
}
