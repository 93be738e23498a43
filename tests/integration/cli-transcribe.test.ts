// `rehearse transcribe FILE.wav`: as a process (no provider, bad files, usage), and its cloud path in-process
// against the fake transcription server (a process cannot be given a key: it lives in the OS keychain).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AI_SETTINGS } from '../../src-shared/ai';
import {
  describeTranscription,
  transcribeFile,
  type TranscribedFile,
} from '../../src-main/hosts/cli/transcribe';
import { wavFromPcm } from '../../src-main/services/voice/audio-file';
import { BIN, requireBuild } from '../support/built';
import { startFakeTranscriber } from '../support/fake-transcriber';
import { memorySecrets } from '../support/memory-secrets';
import { ok, onExit, tempDir, testRuntime } from '../support/runtime';
import { requireSpeechTools, speak, speechFile, type Spoken } from '../support/speech';
import { KNOWN_MODELS } from '../../src-main/services/ai/models';
import { WHISPER_FILLER_NOTE, WHISPER_MISSING } from '../../src-main/services/ai/whisper';
import { installTinyWhisperAs, TINY_WHISPER_HEARD, TINY_WHISPER_TEXT } from '../support/tiny-whisper-model';

const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let speech: Spoken;
let file: string;
// the speech is made once for the file; tempDir() would be removed after the first test
const shared = mkdtempSync(join(tmpdir(), 'rehearse-cli-speech-'));
afterAll(() => rmSync(shared, { recursive: true, force: true }));
beforeAll(() => {
  requireBuild();
  requireSpeechTools();
  speech = speak([
    { pause: 1.2 },
    'I led the billing migration.',
    { pause: 2.5 },
    'We moved four million records.',
  ]);
  file = speechFile(join(shared, 'answer.wav'), speech);
});

describe('rehearse transcribe', () => {
  it('with no speech provider, says so and still measures pauses and talk time (text and JSON)', () => {
    const dataDir = tempDir();
    const text = run(['transcribe', file, '--limit', '60', '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Not transcribed:\n  No speech-to-text is set up');
    expect(text.stdout).toMatch(/! Pauses over 2 seconds\s+1|✓ Pauses over 2 seconds\s+1/);
    expect(text.stdout).toMatch(/Talk time\s+\d+(\.\d)? s of 60 s/);
    const json = run(['transcribe', file, '--json', '--data-dir', dataDir]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { transcript: null; delivery: { pauses: { start: number }[] } };
    expect(parsed.transcript).toBeNull();
    expect(parsed.delivery.pauses).toHaveLength(1);
    expect(Math.abs(parsed.delivery.pauses[0]!.start - speech.pauses[1]!.start)).toBeLessThanOrEqual(0.15);
  });

  it('transcribes on this computer with the in-app Whisper once it is downloaded, in the built worker', async () => {
    const dataDir = tempDir();
    await installTinyWhisperAs(
      dataDir,
      KNOWN_MODELS.find((m) => m.task === 'transcribe')!,
    );
    const json = run(['transcribe', file, '--json', '--data-dir', dataDir]);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const parsed = JSON.parse(json.stdout) as TranscribedFile;
    expect(parsed).toMatchObject({
      transcript: TINY_WHISPER_TEXT.trim(),
      words: TINY_WHISPER_HEARD,
      transcriber: 'Whisper in Rehearse',
      sentAudio: false,
      notes: [],
    });
    expect(parsed.delivery.fillerNote).toBe(WHISPER_FILLER_NOTE);
    const text = run(['transcribe', file, '--data-dir', dataDir]);
    expect(text.stdout).toMatch(/^Transcript \(Whisper in Rehearse\):\nUm, I led the billing migration\.\n/);
  });

  it('refuses a file that is not 16 kHz mono WAV with how to convert it, and bad usage with exit 2', () => {
    const dataDir = tempDir();
    const stereo = wavFromPcm(Buffer.alloc(32_000));
    stereo.writeUInt16LE(2, 22);
    const bad = join(tempDir(), 'stereo.wav');
    writeFileSync(bad, stereo);
    expect(run(['transcribe', bad, '--data-dir', dataDir])).toMatchObject({
      code: 1,
      stderr:
        'rehearse: stereo.wav is not a 16 kHz mono 16-bit WAV file. Convert it first, e.g. sox stereo.wav -r 16000 -c 1 -b 16 answer.wav\n',
    });
    expect(run(['transcribe', join(dataDir, 'missing.wav'), '--data-dir', dataDir])).toMatchObject({
      code: 1,
    });
    expect(run(['transcribe', '--data-dir', dataDir])).toMatchObject({ code: 2 });
    expect(run(['transcribe', file, '--limit', '0', '--data-dir', dataDir])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--limit must be a whole number from 1 to 3600'),
    });
  });

  it('evaluate --audio says why it cannot score a recording nothing can transcribe, and takes one answer only', () => {
    const dataDir = tempDir();
    const question = ['evaluate', '--question', 'Tell me about a migration you led.'];
    expect(run([...question, '--audio', file, '--data-dir', dataDir])).toMatchObject({
      code: 1,
      stderr:
        'rehearse: The recording could not be transcribed: No speech-to-text is set up: download a Whisper model in Settings → AI coach → Models inside Rehearse, or switch on a cloud provider that transcribes (OpenAI, Groq or an OpenAI-compatible address).\n',
    });
    expect(run([...question, '--audio', file, '--answer-file', file, '--data-dir', dataDir]).code).toBe(2);
  });

  it('prints the transcript from a cloud provider, says the recording was sent, and the delivery', async () => {
    const KEY = 'sk-cli-transcribe-0123456789';
    const fake = await startFakeTranscriber(KEY);
    onExit(() => fake.close());
    fake.behaviour.answer = {
      text: 'I led the billing migration. We moved four million records.',
      words: [],
    };
    const runtime = await testRuntime({ secrets: memorySecrets() });
    await ok(runtime, 'ai.settings.save', {
      ...DEFAULT_AI_SETTINGS,
      ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'off' },
      cloud: { ...DEFAULT_AI_SETTINGS.cloud, enabled: true, preset: 'custom', baseUrl: fake.url, model: 'x' },
    });
    await ok(runtime, 'ai.cloud.saveKey', { key: KEY });
    const result = await transcribeFile(runtime, file, 90);
    expect(result).toMatchObject({
      transcript: 'I led the billing migration. We moved four million records.',
      transcriber: 'Custom (OpenAI-compatible)',
      sentAudio: true,
      // Local first: the cloud heard it because the in-app Whisper model is not downloaded, and that is said.
      notes: [WHISPER_MISSING],
    });
    const text = describeTranscription(result);
    expect(text).toMatch(
      /^Transcript \(Custom \(OpenAI-compatible\), the recording was sent to it\):\nI led the billing migration\./,
    );
    expect(text).toMatch(/Pace while speaking\s+\d+ words a minute/);
  });
});
