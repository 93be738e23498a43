// Recorded answers in an export and back, through the real data service, with and without a passphrase.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../core/runtime';
import { ok, snapshot, tempDir, testRuntime } from '../../../tests/support/runtime';
import { recordAnswer } from '../../../tests/support/speech';
import { extractEntry, readZip } from '../data/archive';
import { dataServiceOf } from '../data/service';
import { rewrite } from '../data/testing';
import { AUDIO_DIR, parseAudio, pcmFromWav, wavFromPcm } from './audio-file';
import { Recordings } from './recordings';

const PASS = 'Correct-Horse-9';
const LIMITS = { maxEntryBytes: 1e9, maxTotalBytes: 2e9, maxEntries: 1000 };

function tone(seconds: number, hz: number): Buffer {
  const n = Math.round(seconds * 16_000);
  const pcm = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++)
    pcm.writeInt16LE(Math.round(9_000 * Math.sin((2 * Math.PI * hz * i) / 16_000)), i * 2);
  return pcm;
}

/** A session whose first question has a stopped recording of `pcm`, sent a second at a time. */
const recorded = (runtime: Runtime, pcm: Buffer) => recordAnswer(runtime, pcm, 2);

async function exported(runtime: Runtime): Promise<string> {
  const file = join(tempDir(), 'export.zip');
  await dataServiceOf(runtime.ctx).exportTo(file);
  return file;
}

describe('recorded answers in an export', () => {
  it('leave as playable WAV files (opened from under the passphrase) and come back sealed under the new one', async () => {
    const source = await testRuntime();
    await ok(source, 'vault.enable', { passphrase: PASS, confirm: PASS });
    const pcm = tone(2.5, 523);
    const id = await recorded(source, pcm);
    const file = await exported(source);

    const bytes = readFileSync(file);
    const entries = new Map(readZip(bytes, LIMITS).map((e) => [e.name, extractEntry(bytes, e)]));
    const wav = entries.get(`audio/${id}.wav`)!;
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
    expect(pcmFromWav(wav)).toEqual(pcm);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toContain(`audio/${id}.wav`);

    const target = await testRuntime();
    await ok(target, 'vault.enable', { passphrase: 'Other-Passphrase-7', confirm: 'Other-Passphrase-7' });
    const report = await dataServiceOf(target.ctx).importFrom(file, 'replace');
    expect(report.files).toEqual({ total: 1, added: 1 });
    const stored = readFileSync(join(target.ctx.dataDir, AUDIO_DIR, `${id}.rhaudio`));
    expect(parseAudio(stored).sealed).toBe(true);
    expect(stored.includes(pcm.subarray(0, 64))).toBe(false);
    expect(await new Recordings(target.ctx).audio(id)).toEqual(pcm);
    expect(await ok(target, 'voice.pending', {})).toMatchObject([{ id, durationMs: 2500, audioKept: true }]);
  });

  it('merge adds the recordings the data folder lacks, once; replace drops the audio of the data it replaces', async () => {
    const source = await testRuntime();
    const pcm = tone(1.5, 659);
    const id = await recorded(source, pcm);
    const file = await exported(source);

    const target = await testRuntime();
    const own = await recorded(target, tone(1, 440));
    const data = dataServiceOf(target.ctx);
    expect((await data.importFrom(file, 'merge')).files).toEqual({ total: 1, added: 1 });
    expect((await data.importFrom(file, 'merge')).files).toEqual({ total: 1, added: 0 });
    expect(await new Recordings(target.ctx).audio(id)).toEqual(pcm);
    expect(readdirSync(join(target.ctx.dataDir, AUDIO_DIR)).sort()).toEqual(
      [`${id}.rhaudio`, `${own}.rhaudio`].sort(),
    );

    await data.importFrom(file, 'replace');
    expect(readdirSync(join(target.ctx.dataDir, AUDIO_DIR))).toEqual([`${id}.rhaudio`]);
  });

  it('refuses an archive whose recording is not 16 kHz mono WAV, changing nothing', async () => {
    const source = await testRuntime();
    const id = await recorded(source, tone(1, 392));
    const good = await exported(source);
    const stereo = wavFromPcm(tone(1, 392));
    stereo.writeUInt16LE(2, 22);
    const bad = await rewrite(good, (entries) => entries.set(`audio/${id}.wav`, stereo), {
      fixChecksums: true,
    });

    const target = await testRuntime();
    await recorded(target, tone(1, 440));
    const before = snapshot(target);
    const files = readdirSync(join(target.ctx.dataDir, AUDIO_DIR));
    for (const mode of ['replace', 'merge'] as const)
      await expect(dataServiceOf(target.ctx).importFrom(bad, mode)).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
        message: `This file cannot be imported: "audio/${id}.wav" is not a recording as Rehearse saves them (16 kHz mono WAV). Nothing was changed.`,
      });
    expect(snapshot(target)).toBe(before);
    expect(readdirSync(join(target.ctx.dataDir, AUDIO_DIR))).toEqual(files);
  });
});
