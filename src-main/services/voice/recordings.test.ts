// Recordings through the real runtime: a real SQLite file, real files in the data folder, the real channels.
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../core/runtime';
import { ok, snapshot, tempDir, testRuntime } from '../../../tests/support/runtime';
import { AUDIO_DIR, audioFileName, parseAudio } from './audio-file';
import { Recordings } from './recordings';

/** `seconds` of a tone as 16-bit PCM: distinctive bytes to look for in the file. */
function tone(seconds: number, hz = 440): Buffer {
  const n = Math.round(seconds * 16_000);
  const pcm = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++)
    pcm.writeInt16LE(Math.round(12_000 * Math.sin((2 * Math.PI * hz * i) / 16_000)), i * 2);
  return pcm;
}

async function question(runtime: Runtime, index = 0): Promise<string> {
  const s = await ok(runtime, 'sessions.create', {
    role: 'Backend Engineer',
    difficulty: 'Medium',
    questionCount: 3,
  });
  return s.questions[index]!.id;
}

/** Records `chunks` one-second chunks of tone, numbered from 0. */
async function record(runtime: Runtime, sessionQuestionId: string, chunks: Buffer[]) {
  const { recordingId } = await ok(runtime, 'voice.start', { sessionQuestionId });
  for (const [seq, pcm] of chunks.entries())
    await ok(runtime, 'voice.append', { recordingId, seq, pcm: pcm.toString('base64') });
  return recordingId;
}

const audioOf = (runtime: Runtime, id: string) => new Recordings(runtime.ctx).audio(id);
const fileOf = (runtime: Runtime, id: string) => join(runtime.ctx.dataDir, AUDIO_DIR, audioFileName(id));

describe('recording a spoken answer', () => {
  it('writes each chunk to the data folder as it arrives and keeps the audio exactly', async () => {
    const runtime = await testRuntime();
    const q = await question(runtime);
    const chunks = [tone(1, 440), tone(1, 660), tone(0.5, 880)];
    const { recordingId } = await ok(runtime, 'voice.start', { sessionQuestionId: q });
    const file = fileOf(runtime, recordingId);
    let size = statSync(file).size;
    for (const [seq, pcm] of chunks.entries()) {
      const { durationMs } = await ok(runtime, 'voice.append', {
        recordingId,
        seq,
        pcm: pcm.toString('base64'),
      });
      // on disk before the reply, not at stop
      expect(statSync(file).size).toBe(size + 8 + pcm.length);
      size = statSync(file).size;
      expect(durationMs).toBe([1000, 2000, 2500][seq]);
    }
    const stopped = await ok(runtime, 'voice.stop', { recordingId });
    expect(stopped).toMatchObject({
      id: recordingId,
      sessionQuestionId: q,
      status: 'saved',
      durationMs: 2500,
      audioKept: true,
      transcript: null,
    });
    expect(await audioOf(runtime, recordingId)).toEqual(Buffer.concat(chunks));
    expect(await ok(runtime, 'voice.pending', {})).toEqual([stopped]);
  });

  it('ignores a chunk sent twice, and refuses one that skips ahead without writing it', async () => {
    const runtime = await testRuntime();
    const id = await record(runtime, await question(runtime), [tone(1), tone(1)]);
    const file = fileOf(runtime, id);
    const size = statSync(file).size;
    expect(
      await ok(runtime, 'voice.append', { recordingId: id, seq: 1, pcm: tone(1).toString('base64') }),
    ).toEqual({ durationMs: 2000 });
    expect(
      await runtime.invoke('voice.append', { recordingId: id, seq: 3, pcm: tone(1).toString('base64') }),
    ).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'A piece of the recording went missing (expected part 3, got part 4). Stop and record again.',
      },
    });
    expect(
      await runtime.invoke('voice.append', {
        recordingId: id,
        seq: 2,
        pcm: Buffer.alloc(3).toString('base64'),
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: 'A chunk of audio must hold whole 16-bit samples, at most 2 seconds of them.',
      },
    });
    expect(statSync(file).size).toBe(size);
  });

  it('refuses a chunk over two seconds, and recording an answered question, writing nothing', async () => {
    const runtime = await testRuntime();
    const q = await question(runtime);
    const id = await record(runtime, q, []);
    const before = snapshot(runtime);
    expect(
      await runtime.invoke('voice.append', { recordingId: id, seq: 0, pcm: tone(2.5).toString('base64') }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', message: 'A chunk of audio can be at most 2 seconds long.' },
    });
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: q,
      text: 'I typed this answer instead of speaking it.',
      elapsedMs: 1000,
    });
    const files = readdirSync(join(runtime.ctx.dataDir, AUDIO_DIR));
    const answered = snapshot(runtime);
    expect(await runtime.invoke('voice.start', { sessionQuestionId: q })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'This question has already been answered.' },
    });
    expect(snapshot(runtime)).toBe(answered);
    expect(readdirSync(join(runtime.ctx.dataDir, AUDIO_DIR))).toEqual(files);
    expect(before).not.toBe(answered);
  });

  it('after a crash mid-answer, offers the audio saved up to the last whole chunk', async () => {
    const dataDir = tempDir();
    const first = await testRuntime({ dataDir });
    const q = await question(first);
    const chunks = [tone(1, 300), tone(1, 500), tone(1, 700)];
    const id = await record(first, q, chunks);
    // the host dies with a chunk half written: no stop, a cut frame at the end of the file
    appendFileSync(fileOf(first, id), Buffer.concat([Buffer.from([3, 0, 0, 0, 0, 125, 0, 0]), tone(0.3)]));
    await first.close();

    const second = await testRuntime({ dataDir });
    expect(
      await second.invoke('voice.append', { recordingId: id, seq: 3, pcm: tone(1).toString('base64') }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const [pending, ...more] = await ok(second, 'voice.pending', {});
    expect(more).toEqual([]);
    expect(pending).toMatchObject({ id, status: 'saved', durationMs: 3000, audioKept: true });
    expect(await audioOf(second, id)).toEqual(Buffer.concat(chunks));
    expect(parseAudio(readFileSync(fileOf(second, id))).cutBytes).toBe(8 + tone(0.3).length);
  });

  it('discards a recording with its audio', async () => {
    const runtime = await testRuntime();
    const id = await record(runtime, await question(runtime), [tone(1)]);
    await ok(runtime, 'voice.stop', { recordingId: id });
    expect(await ok(runtime, 'voice.discard', { recordingId: id })).toEqual({ deleted: true });
    expect(existsSync(fileOf(runtime, id))).toBe(false);
    expect(await ok(runtime, 'voice.pending', {})).toEqual([]);
    expect(await ok(runtime, 'voice.discard', { recordingId: id })).toEqual({ deleted: false });
    expect(await runtime.invoke('voice.get', { recordingId: id })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That recording no longer exists.' },
    });
  });

  it('keeps audio for the last N transcribed answers only, never for untranscribed ones, and drops strays', async () => {
    const runtime = await testRuntime();
    const defaults = await ok(runtime, 'voice.settings.get', {});
    expect(defaults).toEqual({ keepAudio: 20, readAloud: 'mock', voiceName: '', speechRate: 1 });
    const recordings = new Recordings(runtime.ctx);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await record(runtime, await question(runtime, i), [tone(1, 300 + i * 100)]);
      await ok(runtime, 'voice.stop', { recordingId: id });
      ids.push(id);
    }
    const untranscribed = await record(runtime, await question(runtime), [tone(1)]);
    await ok(runtime, 'voice.stop', { recordingId: untranscribed });
    const stray = join(runtime.ctx.dataDir, AUDIO_DIR, audioFileName('5f0c7a43-8f1e-4a57-9d8e-0f1a2b3c4d5e'));
    writeFileSync(stray, 'left by a deleted session');
    expect(await runtime.invoke('voice.settings.save', { ...defaults, keepAudio: -1 })).toMatchObject({
      ok: false,
      error: { message: 'Keep audio for 0 answers or more.' },
    });
    const inProgress = await record(runtime, await question(runtime), [tone(1)]);
    await ok(runtime, 'voice.settings.save', { ...defaults, keepAudio: 1 });
    expect(existsSync(stray)).toBe(false);
    // a recording being made is never taken for a stray
    expect(existsSync(fileOf(runtime, inProgress))).toBe(true);
    await ok(runtime, 'voice.discard', { recordingId: inProgress });
    for (const [i, id] of ids.entries()) {
      runtime.ctx.now = () => new Date(Date.UTC(2026, 0, 1, 10, i));
      await recordings.saveTranscript(id, {
        text: `answer ${i}`,
        words: [{ text: 'answer', start: 0.1, end: 0.4 }],
        transcriber: 'test',
      });
    }
    const kept = await Promise.all(ids.map((id) => ok(runtime, 'voice.get', { recordingId: id })));
    expect(kept.map((r) => [r.status, r.audioKept, r.transcript])).toEqual([
      ['transcribed', false, 'answer 0'],
      ['transcribed', false, 'answer 1'],
      ['transcribed', true, 'answer 2'],
    ]);
    expect(existsSync(fileOf(runtime, ids[0]!))).toBe(false);
    expect(await ok(runtime, 'voice.get', { recordingId: untranscribed })).toMatchObject({ audioKept: true });
    await ok(runtime, 'voice.settings.save', {
      ...defaults,
      keepAudio: 0,
      readAloud: 'always',
      speechRate: 1.25,
    });
    expect(await ok(runtime, 'voice.settings.get', {})).toEqual({
      keepAudio: 0,
      readAloud: 'always',
      voiceName: '',
      speechRate: 1.25,
    });
    expect(readdirSync(join(runtime.ctx.dataDir, AUDIO_DIR))).toEqual([audioFileName(untranscribed)]);
  });

  it('seals the audio under the passphrase, chunk by chunk, and opens it again when it is turned off', async () => {
    const PASS = 'Correct-Horse-9';
    const runtime = await testRuntime();
    const before = [tone(1, 311), tone(1, 313)];
    const early = await record(runtime, await question(runtime), before);
    await ok(runtime, 'voice.stop', { recordingId: early });
    const plainFile = readFileSync(fileOf(runtime, early));
    expect(plainFile.includes(before[1]!)).toBe(true);

    await ok(runtime, 'vault.enable', { passphrase: PASS, confirm: PASS });
    const sealedFile = readFileSync(fileOf(runtime, early));
    expect(parseAudio(sealedFile).sealed).toBe(true);
    for (const pcm of before) expect(sealedFile.includes(pcm.subarray(0, 64))).toBe(false);
    expect(await audioOf(runtime, early)).toEqual(Buffer.concat(before));

    const during = [tone(1, 509), tone(0.5, 521)];
    const late = await record(runtime, await question(runtime, 1), during);
    const lateFile = readFileSync(fileOf(runtime, late));
    expect(parseAudio(lateFile).sealed).toBe(true);
    expect(lateFile.includes(during[0]!.subarray(0, 64))).toBe(false);
    expect(await audioOf(runtime, late)).toEqual(Buffer.concat(during));
    const recordings = new Recordings(runtime.ctx);
    await recordings.saveTranscript(early, { text: 'the quokka pipeline', words: [], transcriber: 'test' });
    expect(
      runtime.connection.sqlite.prepare('SELECT transcript FROM recordings WHERE id = ?').get(early),
    ).not.toEqual({
      transcript: 'the quokka pipeline',
    });

    await ok(runtime, 'vault.lock', {});
    expect(await runtime.invoke('voice.pending', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await ok(runtime, 'vault.unlock', { passphrase: PASS });
    await ok(runtime, 'voice.stop', { recordingId: late });
    await ok(runtime, 'vault.disable', { passphrase: PASS });
    expect(readFileSync(fileOf(runtime, late)).includes(during[0]!)).toBe(true);
    expect(await audioOf(runtime, late)).toEqual(Buffer.concat(during));
    expect(await audioOf(runtime, early)).toEqual(Buffer.concat(before));
    expect(await ok(runtime, 'voice.get', { recordingId: early })).toMatchObject({
      transcript: 'the quokka pipeline',
    });
  });

  it('names the recorded answers in Delete everything, and removes them with the rest', async () => {
    const runtime = await testRuntime();
    const id = await record(runtime, await question(runtime), [tone(1)]);
    await ok(runtime, 'voice.stop', { recordingId: id });
    const preview = await ok(runtime, 'data.erase.preview', {});
    expect(preview.items.find((i) => i.id === 'audio-files')).toEqual({
      id: 'audio-files',
      label: 'Recorded answers',
      detail: 'The audio of 1 spoken answer.',
    });
    expect(preview.items[0]!.detail).toContain('1 spoken answer');
    const report = await ok(runtime, 'data.erase', { confirm: 'DELETE', includeBackups: true });
    expect(report.removed).toContain('1 recorded answer');
    expect(existsSync(join(runtime.ctx.dataDir, AUDIO_DIR))).toBe(false);
    expect(await ok(runtime, 'voice.pending', {})).toEqual([]);
  });
});
