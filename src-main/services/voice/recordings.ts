/**
 * Recordings of spoken answers: opened for a question, appended to a chunk at a time (each flushed to disk as it
 * arrives), stopped, listed when a crash left them untranscribed, and discarded. The audio lives in
 * audio/<id>.rhaudio under the data folder (see audio-file.ts); its row in `recordings` says which question it
 * answers.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../../src-shared/errors';
import {
  BYTES_PER_SAMPLE,
  DEFAULT_KEEP_AUDIO,
  MAX_CHUNK_BYTES,
  MAX_RECORDING_MS,
  pcmMs,
  Delivery,
  TranscriptWord,
  VOICE_SAMPLE_RATE,
  type Recording,
  type VoiceSettings,
} from '../../../src-shared/voice';
import type { ChannelOutput } from '../../../src-shared/contract';
import type { ServiceContext } from '../../core/context';
import { diskError, quietly, writeFileDurably } from '../data/storage';
import { openQuestion } from '../sessions/answers';
import {
  AUDIO_DIR,
  audioFileName,
  audioFiles,
  audioHeader,
  audioPcm,
  chunkContext,
  frame,
} from './audio-file';
import { listen } from './listen';

/** A recording chunks are still arriving for, in this run of the host. */
interface Open {
  file: string;
  nextSeq: number;
  pcmBytes: number;
}

const notFound = () => new AppError('NOT_FOUND', 'That recording no longer exists.');

export class Recordings {
  /** Recordings open in this run; one left `recording` in the database but absent here was cut by a crash. */
  private readonly open = new Map<string, Open>();

  constructor(private readonly ctx: ServiceContext) {}

  private get dir(): string {
    return join(this.ctx.dataDir, AUDIO_DIR);
  }

  async start(
    sessionQuestionId: string,
  ): Promise<{ recordingId: string; sampleRate: number; maxMs: number }> {
    await openQuestion(this.ctx.db, sessionQuestionId);
    const id = this.ctx.newId();
    const fileName = audioFileName(id);
    const file = join(this.dir, fileName);
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileDurably(file, audioHeader(this.ctx.vault.enabled));
    } catch (err) {
      throw diskError(err, 'the recording', this.dir) ?? err;
    }
    const now = this.ctx.now().toISOString();
    try {
      await this.ctx.db
        .insertInto('recordings')
        .values({
          id,
          session_question_id: sessionQuestionId,
          status: 'recording',
          file_name: fileName,
          started_at: now,
          updated_at: now,
        })
        .execute();
    } catch (err) {
      quietly(() => rmSync(file, { force: true }));
      throw err;
    }
    this.open.set(id, { file, nextSeq: 0, pcmBytes: 0 });
    this.ctx.logger.info({ recordingId: id }, 'recording started');
    return { recordingId: id, sampleRate: VOICE_SAMPLE_RATE, maxMs: MAX_RECORDING_MS };
  }

  append(recordingId: string, seq: number, base64: string): { durationMs: number } {
    const rec = this.open.get(recordingId);
    if (!rec)
      throw new AppError(
        'CONFLICT',
        'This recording was already stopped (or cut short when Rehearse closed); start a new one.',
      );
    // a chunk sent again after a lost reply is already in the file
    if (seq < rec.nextSeq) return { durationMs: pcmMs(rec.pcmBytes) };
    if (seq > rec.nextSeq)
      throw new AppError(
        'CONFLICT',
        `A piece of the recording went missing (expected part ${rec.nextSeq + 1}, got part ${seq + 1}). Stop and record again.`,
      );
    const pcm = Buffer.from(base64, 'base64');
    if (pcm.length === 0 || pcm.length % BYTES_PER_SAMPLE !== 0 || pcm.length > MAX_CHUNK_BYTES)
      throw new AppError(
        'VALIDATION_ERROR',
        'A chunk of audio must hold whole 16-bit samples, at most 2 seconds of them.',
        { field: 'pcm', reason: 'bad_chunk' },
      );
    if (pcmMs(rec.pcmBytes + pcm.length) > MAX_RECORDING_MS)
      throw new AppError(
        'CONFLICT',
        `A recording can be at most ${MAX_RECORDING_MS / 60_000} minutes long; it was stopped there.`,
      );
    try {
      // flushed before the reply: a kill, or the power going, loses at most the chunk in flight
      writeFileDurably(rec.file, frame(seq, this.ctx.vault.sealChunk(pcm, chunkContext(seq))), 'a');
    } catch (err) {
      throw diskError(err, 'the recording', this.dir) ?? err;
    }
    rec.nextSeq++;
    rec.pcmBytes += pcm.length;
    return { durationMs: pcmMs(rec.pcmBytes) };
  }

  async stop(recordingId: string): Promise<Recording> {
    const rec = this.open.get(recordingId);
    if (!rec) return this.get(recordingId);
    this.open.delete(recordingId);
    await this.ctx.db
      .updateTable('recordings')
      .set({ status: 'saved', duration_ms: pcmMs(rec.pcmBytes), updated_at: this.ctx.now().toISOString() })
      .where('id', '=', recordingId)
      .where('status', '=', 'recording')
      .execute();
    this.ctx.logger.info({ recordingId, durationMs: pcmMs(rec.pcmBytes) }, 'recording stopped');
    return this.get(recordingId);
  }

  /** Recordings whose audio is saved but not transcribed, newest first; crash-cut ones are settled first. */
  async pending(): Promise<Recording[]> {
    const cut = await this.ctx.db
      .selectFrom('recordings')
      .select(['id', 'file_name'])
      .where('status', '=', 'recording')
      .execute();
    for (const row of cut) {
      if (this.open.has(row.id)) continue;
      await this.ctx.db
        .updateTable('recordings')
        .set({
          status: 'saved',
          duration_ms: row.file_name ? pcmMs(this.pcm(row.file_name).length) : 0,
          updated_at: this.ctx.now().toISOString(),
        })
        .where('id', '=', row.id)
        .execute();
      this.ctx.logger.info({ recordingId: row.id }, 'recording cut short by a restart, kept');
    }
    const ids = await this.ctx.db
      .selectFrom('recordings')
      .select('id')
      .where('status', '=', 'saved')
      .where('file_name', 'is not', null)
      .orderBy('started_at', 'desc')
      .execute();
    return Promise.all(ids.map((r) => this.get(r.id)));
  }

  async get(recordingId: string): Promise<Recording> {
    const row = await this.ctx.db
      .selectFrom('recordings as r')
      .innerJoin('session_questions as q', 'q.id', 'r.session_question_id')
      .innerJoin('sessions as s', 's.id', 'q.session_id')
      .leftJoin('answers as a', 'a.session_question_id', 'q.id')
      .select([
        'r.id',
        'r.session_question_id',
        'q.session_id',
        'q.text',
        'q.position',
        's.role',
        's.status as session_status',
        'a.id as answer_id',
        'r.status',
        'r.file_name',
        'r.duration_ms',
        'r.started_at',
        'r.transcript',
        'r.words',
        'r.delivery',
        'r.transcriber',
      ])
      .where('r.id', '=', recordingId)
      .executeTakeFirst();
    if (!row) throw notFound();
    const open = this.open.get(row.id);
    const words = this.ctx.vault.openNullable('recordings.words', row.words);
    const delivery = this.ctx.vault.openNullable('recordings.delivery', row.delivery);
    return {
      id: row.id,
      sessionQuestionId: row.session_question_id,
      sessionId: row.session_id,
      questionText: row.text,
      questionPosition: row.position,
      sessionRole: row.role,
      sessionOpen: row.session_status === 'active' || row.session_status === 'paused',
      answered: row.answer_id !== null,
      status: row.status,
      durationMs: open ? pcmMs(open.pcmBytes) : row.duration_ms,
      startedAt: row.started_at,
      audioKept: row.file_name !== null && existsSync(join(this.dir, row.file_name)),
      transcript: this.ctx.vault.openNullable('recordings.transcript', row.transcript),
      words: words === null ? null : TranscriptWord.array().parse(JSON.parse(words)),
      transcriber: row.transcriber,
      delivery: delivery === null ? null : Delivery.parse(JSON.parse(delivery)),
    };
  }

  /** The recording's samples (16-bit PCM), opened if sealed. */
  async audio(recordingId: string): Promise<Buffer> {
    const row = await this.ctx.db
      .selectFrom('recordings')
      .select('file_name')
      .where('id', '=', recordingId)
      .executeTakeFirst();
    if (!row) throw notFound();
    if (!row.file_name || !existsSync(join(this.dir, row.file_name)))
      throw new AppError('NOT_FOUND', 'The audio of that answer is no longer kept.');
    return this.pcm(row.file_name);
  }

  private pcm(fileName: string): Buffer {
    const file = join(this.dir, fileName);
    if (!existsSync(file)) return Buffer.alloc(0);
    return audioPcm(readFileSync(file), (payload, context) => this.ctx.vault.openChunk(payload, context));
  }

  async discard(recordingId: string): Promise<{ deleted: boolean }> {
    const row = await this.ctx.db
      .selectFrom('recordings')
      .select('file_name')
      .where('id', '=', recordingId)
      .executeTakeFirst();
    if (!row) return { deleted: false };
    this.open.delete(recordingId);
    await this.ctx.db.deleteFrom('recordings').where('id', '=', recordingId).execute();
    if (row.file_name) rmSync(join(this.dir, row.file_name), { force: true });
    this.ctx.logger.info({ recordingId }, 'recording discarded');
    return { deleted: true };
  }

  /**
   * Transcribes the recording and measures its delivery (pauses and talk time from the voice-activity detector;
   * pace and fillers once there are words). With nothing to transcribe, the figures without words are stored
   * and the recording stays saved, to transcribe later.
   */
  async transcribe(
    recordingId: string,
    options: { signal?: AbortSignal; onProgress?: (status: string, fraction: number | null) => void } = {},
  ): Promise<ChannelOutput<'voice.transcribe'>> {
    if (this.open.has(recordingId))
      throw new AppError('CONFLICT', 'Stop the recording before transcribing it.');
    const pcm = await this.audio(recordingId);
    const { limitSec } = await this.ctx.db
      .selectFrom('recordings as r')
      .innerJoin('session_questions as q', 'q.id', 'r.session_question_id')
      .select('q.time_limit_sec as limitSec')
      .where('r.id', '=', recordingId)
      .executeTakeFirstOrThrow();
    const { transcript, notes, delivery } = await listen(this.ctx.ai, pcm, limitSec, options);
    if (!transcript) {
      await this.ctx.db
        .updateTable('recordings')
        .set({ delivery: this.ctx.vault.seal('recordings.delivery', JSON.stringify(delivery)) })
        .where('id', '=', recordingId)
        .execute();
      return { recording: await this.get(recordingId), transcribed: false, provider: null, notes };
    }
    const recording = await this.saveTranscript(recordingId, {
      text: transcript.text,
      words: transcript.words,
      transcriber: transcript.label,
      delivery,
    });
    this.ctx.logger.info(
      { recordingId, provider: transcript.provider, words: delivery.words },
      'recording transcribed',
    );
    return {
      recording,
      transcribed: true,
      provider: { label: transcript.label, sentAudio: transcript.provider === 'cloud' },
      notes,
    };
  }

  /** Stores what was said, then lets audio beyond the last N transcribed answers go. */
  async saveTranscript(
    recordingId: string,
    transcript: { text: string; words: TranscriptWord[]; transcriber: string; delivery?: Delivery | null },
  ): Promise<Recording> {
    const result = await this.ctx.db
      .updateTable('recordings')
      .set({
        status: 'transcribed',
        transcript: this.ctx.vault.seal('recordings.transcript', transcript.text),
        words: this.ctx.vault.seal('recordings.words', JSON.stringify(transcript.words)),
        transcriber: transcript.transcriber,
        delivery: transcript.delivery
          ? this.ctx.vault.seal('recordings.delivery', JSON.stringify(transcript.delivery))
          : null,
        updated_at: this.ctx.now().toISOString(),
      })
      .where('id', '=', recordingId)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound();
    await this.prune();
    return this.get(recordingId);
  }

  async settings(): Promise<VoiceSettings> {
    const row = await this.ctx.db
      .selectFrom('voice_settings')
      .select(['keep_audio', 'read_aloud', 'voice_name', 'speech_rate'])
      .where('id', '=', 1)
      .executeTakeFirst();
    return {
      keepAudio: row?.keep_audio ?? DEFAULT_KEEP_AUDIO,
      readAloud: row?.read_aloud ?? 'mock',
      voiceName: row?.voice_name ?? '',
      speechRate: row?.speech_rate ?? 1,
    };
  }

  async saveSettings(settings: VoiceSettings): Promise<VoiceSettings> {
    const row = {
      keep_audio: settings.keepAudio,
      read_aloud: settings.readAloud,
      voice_name: settings.voiceName,
      speech_rate: settings.speechRate,
    };
    await this.ctx.db
      .insertInto('voice_settings')
      .values({ id: 1, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
    await this.prune();
    return this.settings();
  }

  /**
   * Audio of transcribed answers beyond the newest `keepAudio` goes, and so do files no recording refers to (a
   * session deleted with its recordings). Untranscribed audio always stays: it is the only copy of the answer.
   */
  async prune(): Promise<number> {
    const { keepAudio } = await this.settings();
    const old = await this.ctx.db
      .selectFrom('recordings')
      .select(['id', 'file_name'])
      .where('status', '=', 'transcribed')
      .where('file_name', 'is not', null)
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .offset(keepAudio)
      .limit(-1)
      .execute();
    for (const row of old) {
      await this.ctx.db.updateTable('recordings').set({ file_name: null }).where('id', '=', row.id).execute();
      rmSync(join(this.dir, row.file_name!), { force: true });
    }
    // a recording being made has its row, but its file is written a moment before the row
    const open = new Set([...this.open.values()].map((r) => basename(r.file)));
    const referenced = new Set(
      (
        await this.ctx.db
          .selectFrom('recordings')
          .select('file_name')
          .where('file_name', 'is not', null)
          .execute()
      ).map((r) => r.file_name),
    );
    let orphans = 0;
    for (const name of audioFiles(this.ctx.dataDir))
      if (!referenced.has(name) && !open.has(name)) {
        rmSync(join(this.dir, name), { force: true });
        orphans++;
      }
    return old.length + orphans;
  }
}
