/**
 * The microphone as 16 kHz mono 16-bit PCM in chunks of one second, with a live input level. An AudioWorklet
 * hands over the samples where it can load; a ScriptProcessor (deprecated, but everywhere) where it cannot.
 */
const RATE = 16_000;
const CHUNK_SAMPLES = RATE;

export type MicProblem = 'denied' | 'none' | 'busy' | 'insecure' | 'other';

export class MicError extends Error {
  constructor(
    readonly problem: MicProblem,
    message: string,
  ) {
    super(message);
  }
}

export const MIC_MESSAGES: Record<MicProblem, string> = {
  denied:
    'Rehearse is not allowed to use your microphone. Allow it in your browser or system settings, then try again, or type your answer.',
  none: 'No microphone was found. Connect one and try again, or type your answer.',
  busy: 'Your microphone could not be opened (another app may be using it). Close that app and try again, or type your answer.',
  insecure:
    'Recording needs Rehearse opened from its own address (http://127.0.0.1); type your answer instead.',
  other: 'Your microphone could not be started. Try again, or type your answer.',
};

function micError(err: unknown): MicError {
  const name = (err as { name?: string } | null)?.name ?? '';
  const problem: MicProblem =
    name === 'NotAllowedError' || name === 'SecurityError'
      ? 'denied'
      : name === 'NotFoundError' || name === 'OverconstrainedError'
        ? 'none'
        : name === 'NotReadableError' || name === 'AbortError'
          ? 'busy'
          : 'other';
  return new MicError(problem, MIC_MESSAGES[problem]);
}

export interface Microphone {
  deviceId: string;
  label: string;
}

/** The microphones the system offers; their names appear once the candidate has allowed one. */
export async function microphones(): Promise<Microphone[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'audioinput' && d.deviceId !== 'default' && d.deviceId !== 'communications')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Microphone ${i + 1}` }));
}

export interface Capture {
  /** Input level of the latest block, 0 to 1. */
  level(): number;
  /** Stops the microphone and hands over the last, partial chunk. */
  stop(): Promise<void>;
}

/** Starts the microphone; `onChunk` gets each second of audio as it fills, and the rest at stop. */
export async function startCapture(
  deviceId: string | null,
  onChunk: (pcm: Int16Array) => void,
): Promise<Capture> {
  if (!navigator.mediaDevices?.getUserMedia) throw new MicError('insecure', MIC_MESSAGES.insecure);
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: {
        ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
        channelCount: 1,
        echoCancellation: true,
        noiseSuppression: true,
      },
    });
  } catch (err) {
    throw micError(err);
  }
  const context = new AudioContext({ sampleRate: RATE });
  const source = context.createMediaStreamSource(stream);
  const packer = new Packer(context.sampleRate, onChunk);
  let level = 0;
  const take = (block: Float32Array) => {
    let sum = 0;
    for (const s of block) sum += s * s;
    // speech RMS sits around 0.05–0.2; scaled so a normal voice fills most of the meter
    level = Math.min(1, Math.sqrt(sum / Math.max(1, block.length)) * 5);
    packer.push(block);
  };
  let node: AudioNode;
  try {
    await context.audioWorklet.addModule('./pcm-worklet.js');
    const worklet = new AudioWorkletNode(context, 'pcm-capture');
    worklet.port.onmessage = (e: MessageEvent<Float32Array>) => take(e.data);
    node = worklet;
  } catch {
    const processor = context.createScriptProcessor(4096, 1, 1);
    processor.onaudioprocess = (e) => take(new Float32Array(e.inputBuffer.getChannelData(0)));
    node = processor;
  }
  source.connect(node);
  // a node must reach the destination to be pulled; it outputs silence, so nothing is heard
  node.connect(context.destination);
  return {
    level: () => level,
    async stop() {
      for (const track of stream.getTracks()) track.stop();
      source.disconnect();
      node.disconnect();
      await context.close();
      packer.flush();
    },
  };
}

/** Gathers float blocks at the context's rate into one-second chunks of 16 kHz 16-bit samples. */
class Packer {
  private buffer = new Int16Array(CHUNK_SAMPLES);
  private filled = 0;
  /** Position in the input, in output samples, for resampling when the context could not run at 16 kHz. */
  private phase = 0;

  constructor(
    private readonly rate: number,
    private readonly onChunk: (pcm: Int16Array) => void,
  ) {}

  push(block: Float32Array): void {
    if (this.rate === RATE) {
      for (const s of block) this.put(s);
      return;
    }
    // linear interpolation: enough for speech on the way to a 16 kHz model
    const step = this.rate / RATE;
    for (; this.phase < block.length - 1; this.phase += step) {
      const i = Math.floor(this.phase);
      const f = this.phase - i;
      this.put(block[i]! * (1 - f) + block[i + 1]! * f);
    }
    this.phase -= block.length;
  }

  private put(sample: number): void {
    const s = Math.max(-1, Math.min(1, sample));
    this.buffer[this.filled++] = s < 0 ? s * 0x8000 : s * 0x7fff;
    if (this.filled === CHUNK_SAMPLES) this.flush();
  }

  flush(): void {
    if (this.filled === 0) return;
    this.onChunk(this.buffer.slice(0, this.filled));
    this.filled = 0;
  }
}

/** Little-endian 16-bit samples as base64, how the host takes a chunk. */
export function pcmBase64(pcm: Int16Array): string {
  const bytes = new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
