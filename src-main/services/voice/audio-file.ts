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
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = pcm.readInt16LE(i * BYTES_PER_SAMPLE) / 32768;
  return out;
}
