/** `rehearse transcribe FILE.wav`: an answer recorded elsewhere, transcribed and measured as the app does. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../src-shared/errors';
import type { Runtime } from '../../core/runtime';
import { pcmFromWav } from '../../services/voice/audio-file';
import { listen, type Heard } from '../../services/voice/listen';

export interface TranscribedFile {
  file: string;
  transcript: string | null;
  words: { text: string; start: number; end: number }[];
  transcriber: string | null;
  /** Whether the recording was sent off this computer to be transcribed. */
  sentAudio: boolean;
  notes: string[];
  delivery: Heard['delivery'];
}

export async function transcribeFile(
  runtime: Runtime,
  file: string,
  limitSec: number | null,
): Promise<TranscribedFile> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new AppError('NOT_FOUND', `Cannot read ${file}.`);
  }
  const pcm = pcmFromWav(bytes);
  if (!pcm)
    throw new AppError(
      'VALIDATION_ERROR',
      `${basename(file)} is not a 16 kHz mono 16-bit WAV file. Convert it first, e.g. sox ${basename(file)} -r 16000 -c 1 -b 16 answer.wav`,
      { field: 'file', reason: 'not_wav' },
    );
  if (pcm.length === 0) throw new AppError('VALIDATION_ERROR', `${basename(file)} holds no audio.`);
  const heard = await listen(runtime.ctx.ai, pcm, limitSec);
  return {
    file,
    transcript: heard.transcript?.text ?? null,
    words: heard.transcript?.words ?? [],
    transcriber: heard.transcript?.label ?? null,
    sentAudio: heard.transcript?.provider === 'cloud',
    notes: heard.notes,
    delivery: heard.delivery,
  };
}

export function describeTranscription(t: TranscribedFile): string {
  const lines = t.transcript
    ? [`Transcript (${t.transcriber}${t.sentAudio ? ', the recording was sent to it' : ''}):`, t.transcript]
    : ['Not transcribed:', ...t.notes.map((n) => `  ${n}`)];
  if (t.transcript && t.notes.length) lines.push('', ...t.notes);
  lines.push('', 'How it sounded:');
  const width = Math.max(...t.delivery.figures.map((f) => f.label.length));
  for (const f of t.delivery.figures) {
    const mark = f.within === null ? ' ' : f.within ? '✓' : '!';
    lines.push(`  ${mark} ${f.label.padEnd(width)}  ${f.shown}  (aim for ${f.target})`);
    lines.push(`    ${''.padEnd(width)}  ${f.tip}`);
  }
  if (t.delivery.fillers.length)
    lines.push(
      '',
      `Fillers: ${t.delivery.fillers.map((f) => (f.at === null ? f.word : `${f.word} at ${f.at} s`)).join(', ')}`,
    );
  lines.push('', t.delivery.fillerNote);
  return lines.join('\n');
}
