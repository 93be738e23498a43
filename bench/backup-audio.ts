// Backups with spoken answers: the default 20 kept recordings of two minutes each (about 77 MB of audio). The
// first backup copies every file; later ones find each unchanged recording already saved by its content, so
// what they cost over a backup without audio is reading and hashing the files.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRuntime } from '../src-main/core/runtime';
import { dataServiceOf } from '../src-main/services/data/service';
import { AUDIO_DIR, audioFileName, audioFromPcm } from '../src-main/services/voice/audio-file';
import { ok } from '../tests/support/invoke';
import { memorySecrets } from '../tests/support/memory-secrets';
import { seeded } from '../tests/support/random';
import { report } from './stats';

const RECORDINGS = 20;
const SECONDS = 120;

export async function benchBackupAudio(dataDir: string): Promise<void> {
  const runtime = await startRuntime({ dataDir, host: 'cli', secrets: memorySecrets() });
  try {
    const session = await ok(runtime, 'sessions.create', {
      role: 'Sales',
      difficulty: 'Easy',
      questionCount: RECORDINGS,
    });
    const random = seeded(20_261_207);
    mkdirSync(join(dataDir, AUDIO_DIR), { recursive: true });
    const db = runtime.connection.sqlite;
    const now = new Date().toISOString();
    let audioBytes = 0;
    for (const q of session.questions) {
      const id = randomUUID();
      const pcm = Buffer.alloc(SECONDS * 32_000);
      for (let i = 0; i < pcm.length; i += 2) pcm.writeInt16LE(Math.round((random() - 0.5) * 8000), i);
      const file = audioFromPcm(pcm);
      audioBytes += file.length;
      writeFileSync(join(dataDir, AUDIO_DIR, audioFileName(id)), file);
      db.prepare(
        `INSERT INTO recordings (id, session_question_id, status, file_name, duration_ms, started_at, updated_at)
         VALUES (?, ?, 'saved', ?, ?, ?, ?)`,
      ).run(id, q.id, audioFileName(id), SECONDS * 1000, now, now);
    }
    const data = dataServiceOf(runtime.ctx);
    const time = async () => {
      const started = performance.now();
      await data.createBackup();
      return performance.now() - started;
    };
    const first = [await time()];
    const later: number[] = [];
    for (let i = 0; i < 5; i++) later.push(await time());
    const extra = { recordings: RECORDINGS, audioMB: Math.round(audioBytes / 1e5) / 10 };
    report('backup_with_audio_first', 'ms', first, extra);
    report('backup_with_audio_unchanged', 'ms', later, extra);
  } finally {
    await runtime.close();
  }
}
