/**
 * One recording, heard: transcribed by the first speech provider that can, and its delivery measured (pauses
 * and speaking time from the voice-activity detector, pace and fillers from the words). Shared by the practice
 * room's recordings and `rehearse transcribe`.
 */
import { BYTES_PER_SAMPLE, VOICE_SAMPLE_RATE, type Delivery } from '../../../src-shared/voice';
import type { AiService } from '../ai/service';
import type { TranscribeOptions, TranscriptionResult } from '../ai/transcribe';
import { pcmToFloat, wavFromPcm } from './audio-file';
import { analyseDelivery } from './delivery';
import { speechSegments } from './vad';

export interface Heard {
  /** The transcript and who made it, or null with the reasons nothing could. */
  transcript: TranscriptionResult | null;
  notes: string[];
  delivery: Delivery;
}

// Whisper writes plausible sentences for silence, and a cloud provider would be sent a recording of nothing.
export const NOTHING_HEARD = 'No speech was heard in this recording, so it was not transcribed.';

export async function listen(
  ai: AiService,
  pcm: Buffer,
  limitSec: number | null,
  options: TranscribeOptions = {},
): Promise<Heard> {
  options.onProgress?.('Listening for pauses…', null);
  const segments = await speechSegments(pcmToFloat(pcm));
  const result = segments.length > 0 ? await ai.transcribe(wavFromPcm(pcm), options) : null;
  const durationSec = pcm.length / BYTES_PER_SAMPLE / VOICE_SAMPLE_RATE;
  const transcript = result && 'provider' in result ? (result as TranscriptionResult) : null;
  const delivery = analyseDelivery({
    durationSec,
    segments,
    transcript: transcript && {
      text: transcript.text,
      words: transcript.words,
      transcriber: transcript.label,
      fillerNote: transcript.fillerNote,
      language: transcript.language,
    },
    limitSec,
  });
  return { transcript, notes: result?.notes ?? [NOTHING_HEARD], delivery };
}
