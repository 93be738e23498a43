import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src-shared/contract';
import { startRuntime } from '../../core/runtime';
import { openSqlite } from '../../db/connection';
import { loadMigrations, migrate } from '../../db/migrator';
import { appPaths } from '../../paths';
import { memorySecrets } from '../../../tests/support/memory-secrets';
import { ok, onExit, tempDir, testRuntime } from '../../../tests/support/runtime';
import { MANIFEST_FILE, realIo, type BackupIo } from './backup';
import { dataServiceOf } from './service';
import { populate, resumeFilesOf, tableRows } from './testing';
import { AUDIO_DIR, audioFileName, parseAudio } from '../voice/audio-file';
import { Recordings } from '../voice/recordings';

const migrations = loadMigrations(appPaths().migrations);

function noticesOf(runtime: Awaited<ReturnType<typeof testRuntime>>) {
  const notices: EventPayload<'app.notice'>[] = [];
  runtime.subscribe((event, payload) => {
    if (event === 'app.notice') notices.push(payload as EventPayload<'app.notice'>);
  });
  return notices;
}

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/**
 * Runs `fn` as an unprivileged user when the tests run as root (root ignores file modes, so a chmod alone
 * would prove nothing), with the data dir opened up enough for that user to reach it.
 */
async function unprivileged<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  if (process.getuid?.() !== 0) return fn();
  chmodSync(dataDir, 0o755);
  process.seteuid!(65534);
  try {
    return await fn();
  } finally {
    process.seteuid!(0);
  }
}

describe('backups', () => {
  it('makes a verified backup: integrity-checked copy, SHA-256 in the manifest, résumé files kept by content', async () => {
    const runtime = await testRuntime();
    await populate(runtime);
    const data = dataServiceOf(runtime.ctx);
    const backup = await data.createBackup();
    expect(backup).toMatchObject({
      kind: 'manual',
      schemaVersion: migrations.at(-1)!.version,
      resumeFiles: 1,
    });
    const dir = join(runtime.ctx.dataDir, 'backups');
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as {
      backups: { id: string; file: string; sha256: string; resumes: { sha256: string }[] }[];
    };
    expect(manifest.backups.map((b) => b.id)).toEqual([backup.id]);
    const copy = new BetterSqlite3(join(dir, manifest.backups[0]!.file), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      // A whole database on its own: no WAL to carry around.
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(tableRows(copy)).toEqual(tableRows(runtime.connection.sqlite));
    } finally {
      copy.close();
    }
    expect(existsSync(join(dir, 'files', manifest.backups[0]!.resumes[0]!.sha256))).toBe(true);
    // A second backup of the same résumé stores no second copy of it.
    await data.createBackup();
    expect(readdirSync(join(dir, 'files'))).toHaveLength(1);
    expect(data.list()).toHaveLength(2);
  });

  it('restores a backup while running, and the backup it makes first undoes the restore', async () => {
    const runtime = await testRuntime();
    await populate(runtime, 'Ada Lovelace');
    const data = dataServiceOf(runtime.ctx);
    const { sqlite } = runtime.connection;
    const before = { rows: tableRows(sqlite), files: resumeFilesOf(runtime.ctx.dataDir) };
    const backup = await data.createBackup();

    // Changes after the backup: another profile, another résumé (which replaces the active one), more sessions.
    await populate(runtime, 'Grace Hopper');
    const after = { rows: tableRows(runtime.connection.sqlite), files: resumeFilesOf(runtime.ctx.dataDir) };
    expect(after.rows).not.toEqual(before.rows);

    const oldCtx = runtime.ctx;
    // A request made while the database is being replaced waits for it, then sees the restored data.
    const copyInto = data.backups.copyInto.bind(data.backups);
    let during: Promise<unknown> | undefined;
    const order: string[] = [];
    data.backups.copyInto = async (entry, target) => {
      during ??= ok(runtime, 'profile.get', {}).then((p) => (order.push('request answered'), p));
      await new Promise((r) => setTimeout(r, 50));
      await copyInto(entry, target);
      order.push('copied');
    };
    const restored = await ok(runtime, 'data.backups.restore', { id: backup.id });
    data.backups.copyInto = copyInto;
    expect(restored.restored.id).toBe(backup.id);
    expect(restored.undo.kind).toBe('pre-restore');
    expect(((await during) as { name: string }).name).toBe('Ada Lovelace');
    expect(order).toEqual(['copied', 'request answered']);
    expect(runtime.ctx).not.toBe(oldCtx); // the services were rebuilt on the restored data
    expect(tableRows(runtime.connection.sqlite)).toEqual(before.rows);
    expect(resumeFilesOf(runtime.ctx.dataDir)).toEqual(before.files);
    expect((await ok(runtime, 'resumes.active', {}))?.parsed.contact.name).toBe('Ada Lovelace');

    // Undo.
    await ok(runtime, 'data.backups.restore', { id: restored.undo.id });
    expect(tableRows(runtime.connection.sqlite)).toEqual(after.rows);
    expect(resumeFilesOf(runtime.ctx.dataDir)).toEqual(after.files);
    expect((await ok(runtime, 'profile.get', {}))?.name).toBe('Grace Hopper');
  });

  it('refuses a damaged backup before changing anything', async () => {
    const runtime = await testRuntime();
    await populate(runtime);
    const data = dataServiceOf(runtime.ctx);
    const backup = await data.createBackup();
    const file = join(data.backups.dir, `${backup.id}.sqlite`);
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    writeFileSync(file, bytes);
    const rows = tableRows(runtime.connection.sqlite);
    const result = await runtime.invoke('data.backups.restore', { id: backup.id });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/checksum does not match.*Nothing was changed/),
      },
    });
    expect(tableRows(runtime.connection.sqlite)).toEqual(rows);
    expect(data.list()).toHaveLength(1); // no pre-restore backup either
    expect(await runtime.invoke('data.backups.restore', { id: '20200101-000000-manual' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('reports a full disk (ENOSPC from the writer), keeps the failed backup out of the count, and leaves the data intact', async () => {
    const runtime = await testRuntime();
    await populate(runtime);
    const data = dataServiceOf(runtime.ctx);
    const notices = noticesOf(runtime);
    await data.createBackup();
    const rows = tableRows(runtime.connection.sqlite);
    const listing = () => readdirSync(data.backups.dir).sort();
    const files = listing();

    // The database copy fails part-way, after writing some of the file.
    const halfway: BackupIo = {
      ...realIo,
      async copyDatabase(_sqlite, dest) {
        writeFileSync(dest, Buffer.alloc(4096, 1));
        throw enospc();
      },
    };
    // Or the copy succeeds and writing the manifest fails.
    const manifestFull: BackupIo = {
      ...realIo,
      writeFile(file, contents) {
        if (file.includes(MANIFEST_FILE)) throw enospc();
        realIo.writeFile(file, contents);
      },
    };
    for (const io of [halfway, manifestFull]) {
      data.backups.io = io;
      const result = await runtime.invoke('data.backups.create', {});
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'STORAGE_ERROR',
          message: expect.stringMatching(/The disk holding .*backups is full/),
        },
      });
      expect(listing()).toEqual(files); // nothing half-written left behind
      expect(data.list()).toHaveLength(1);
    }
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatchObject({
      level: 'error',
      message: expect.stringMatching(/could not be made.*disk .* is full/),
    });
    expect((await ok(runtime, 'data.status', {})).lastFailure?.message).toMatch(/full/);
    expect(tableRows(runtime.connection.sqlite)).toEqual(rows);
    expect(runtime.connection.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    // A restore that cannot make its safety backup restores nothing.
    const first = data.list()[0]!;
    await populate(runtime, 'Grace Hopper');
    const changed = tableRows(runtime.connection.sqlite);
    const refused = await runtime.invoke('data.backups.restore', { id: first.id });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'STORAGE_ERROR',
        message: expect.stringMatching(
          /^Your current data could not be backed up first, so nothing was restored/,
        ),
      },
    });
    expect(tableRows(runtime.connection.sqlite)).toEqual(changed);

    // Space again: the next backup works and clears the failure.
    data.backups.io = realIo;
    await ok(runtime, 'data.backups.create', {});
    expect((await ok(runtime, 'data.status', {})).lastFailure).toBeNull();
  });

  it('reports a read-only backups folder and never touches the live database', async () => {
    const runtime = await testRuntime();
    await populate(runtime);
    const data = dataServiceOf(runtime.ctx);
    const notices = noticesOf(runtime);
    await data.createBackup();
    const rows = tableRows(runtime.connection.sqlite);
    const dir = data.backups.dir;
    chmodSync(join(dir, 'files'), 0o555);
    chmodSync(dir, 0o555);
    onExit(() => {
      chmodSync(dir, 0o755);
      chmodSync(join(dir, 'files'), 0o755);
    });
    const failure = await unprivileged(runtime.ctx.dataDir, () =>
      data.createBackup().catch((err: unknown) => err),
    );
    expect(failure).toMatchObject({
      code: 'STORAGE_ERROR',
      message: expect.stringMatching(
        /cannot write to .*backups \(it is read-only, or you do not have permission\)/,
      ),
    });
    expect(notices).toHaveLength(1);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'files'), 0o755);
    expect(data.list()).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
    expect(tableRows(runtime.connection.sqlite)).toEqual(rows);
    expect(runtime.connection.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // And the app goes on saving.
    await ok(runtime, 'profile.save', {
      name: 'Still Here',
      targetRole: 'Backend Engineer',
      experienceLevel: 'Mid',
    });
  });

  it('backs up before migrating a database that has data, and the backup holds the old schema', async () => {
    const dataDir = tempDir();
    const old = openSqlite(join(dataDir, 'rehearse.sqlite'));
    migrate(
      old,
      migrations.filter((m) => m.version <= 5),
    );
    old
      .prepare(
        "INSERT INTO profile VALUES (1, 'Ada', 'Backend Engineer', 'Mid', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
      )
      .run();
    old.close();
    const runtime = await testRuntime({ dataDir });
    const [backup] = dataServiceOf(runtime.ctx).list();
    expect(backup).toMatchObject({ kind: 'pre-migration', schemaVersion: 5 });
    const copy = new BetterSqlite3(join(dataDir, 'backups', `${backup!.id}.sqlite`), { readonly: true });
    try {
      expect(copy.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: 5 });
      expect(copy.prepare('SELECT name FROM profile').get()).toEqual({ name: 'Ada' });
    } finally {
      copy.close();
    }
    // Restoring it brings the old data back, upgraded again to this version's schema.
    await ok(runtime, 'profile.save', { name: 'Changed', targetRole: 'Sales', experienceLevel: 'Mid' });
    await ok(runtime, 'data.backups.restore', { id: backup!.id });
    expect((await ok(runtime, 'profile.get', {}))?.name).toBe('Ada');
    expect((await ok(runtime, 'data.status', {})).schemaVersion).toBe(migrations.at(-1)!.version);
    // A fresh database has nothing to lose: no backup before its first migrations.
    const fresh = await testRuntime();
    expect(dataServiceOf(fresh.ctx).list()).toEqual([]);
  });

  it('backs up on the first start of each day in the app (not the CLI), once a day', async () => {
    const dataDir = tempDir();
    let clock = new Date(2026, 2, 10, 9, 0, 0);
    const start = async (host: 'browser' | 'cli') => {
      const runtime = await startRuntime({ dataDir, host, now: () => clock, secrets: memorySecrets() });
      onExit(() => runtime.close());
      return runtime;
    };
    const first = await start('browser'); // a new install: nothing to back up yet
    await ok(first, 'profile.save', { name: 'Ada', targetRole: 'Sales', experienceLevel: 'Mid' });
    await first.close();
    await (await start('cli')).close();
    const kinds = () =>
      dataServiceOf(first.ctx)
        .list()
        .map((b) => `${b.kind} ${b.createdAt.slice(0, 10)}`);
    expect(kinds()).toEqual([]);
    for (const hour of [10, 15]) {
      clock = new Date(2026, 2, 10, hour);
      await (await start('browser')).close();
    }
    expect(
      dataServiceOf(first.ctx)
        .list()
        .map((b) => b.kind),
    ).toEqual(['daily']);
    clock = new Date(2026, 2, 11, 8);
    await (await start('browser')).close();
    expect(
      dataServiceOf(first.ctx)
        .list()
        .map((b) => b.kind),
    ).toEqual(['daily', 'daily']);
  });
});

describe('backups of spoken answers', () => {
  const PASS = 'Correct-Horse-9';
  /** `seconds` of a tone as 16-bit PCM: bytes to look for in the files. */
  const tone = (seconds: number, hz: number) => {
    const n = Math.round(seconds * 16_000);
    const pcm = Buffer.alloc(n * 2);
    for (let i = 0; i < n; i++)
      pcm.writeInt16LE(Math.round(12_000 * Math.sin((2 * Math.PI * hz * i) / 16_000)), i * 2);
    return pcm;
  };
  async function recorded(runtime: Awaited<ReturnType<typeof testRuntime>>, index: number, pcm: Buffer) {
    const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 1 });
    const { recordingId } = await ok(runtime, 'voice.start', { sessionQuestionId: s.questions[0]!.id });
    await ok(runtime, 'voice.append', { recordingId, seq: 0, pcm: pcm.toString('base64') });
    await ok(runtime, 'voice.stop', { recordingId });
    return { recordingId, file: join(runtime.ctx.dataDir, AUDIO_DIR, audioFileName(recordingId)), index };
  }
  const manifestOf = (dir: string) =>
    JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as {
      backups: { id: string; audio: { name: string; sha256: string }[] }[];
    };

  it('the daily backup keeps the audio as stored (sealed under the passphrase), and a restore puts it back', async () => {
    const runtime = await testRuntime();
    const first = tone(1, 331);
    const a = await recorded(runtime, 0, first);
    await ok(runtime, 'vault.enable', { passphrase: PASS, confirm: PASS });
    const data = dataServiceOf(runtime.ctx);
    const daily = await data.ensureDaily();
    expect(daily).toMatchObject({ kind: 'daily', audioFiles: 1 });

    const entry = manifestOf(data.backups.dir).backups.find((b) => b.id === daily!.id)!;
    expect(entry.audio.map((x) => x.name)).toEqual([audioFileName(a.recordingId)]);
    const blob = readFileSync(join(data.backups.dir, 'files', entry.audio[0]!.sha256));
    // the same bytes as the data folder's file: sealed, with none of the samples in the clear
    expect(blob).toEqual(readFileSync(a.file));
    expect(parseAudio(blob).sealed).toBe(true);
    expect(blob.includes(first.subarray(0, 64))).toBe(false);

    // after the backup: the first answer discarded, another recorded
    await ok(runtime, 'voice.discard', { recordingId: a.recordingId });
    const second = tone(1, 587);
    const b = await recorded(runtime, 1, second);
    expect(existsSync(a.file)).toBe(false);

    const restored = await ok(runtime, 'data.backups.restore', { id: daily!.id });
    expect(restored.undo.audioFiles).toBe(1);
    expect(readFileSync(a.file)).toEqual(blob);
    expect(existsSync(b.file)).toBe(false);
    expect(await ok(runtime, 'vault.status', {})).toMatchObject({ enabled: true, locked: false });
    expect(await new Recordings(runtime.ctx).audio(a.recordingId)).toEqual(first);
    expect((await ok(runtime, 'voice.pending', {})).map((r) => r.id)).toEqual([a.recordingId]);

    // undone: the second answer's audio is back, the first one's gone again
    await ok(runtime, 'data.backups.restore', { id: restored.undo.id });
    expect(existsSync(a.file)).toBe(false);
    expect(await new Recordings(runtime.ctx).audio(b.recordingId)).toEqual(second);
  });

  it('refuses a backup whose saved recording is damaged, before changing anything', async () => {
    const runtime = await testRuntime();
    const a = await recorded(runtime, 0, tone(1, 401));
    const data = dataServiceOf(runtime.ctx);
    const backup = await data.createBackup();
    expect(backup.audioFiles).toBe(1);
    const [saved] = manifestOf(data.backups.dir).backups[0]!.audio;
    const blobFile = join(data.backups.dir, 'files', saved!.sha256);
    const bytes = readFileSync(blobFile);
    bytes.writeUInt8(bytes.readUInt8(100) ^ 0xff, 100);
    writeFileSync(blobFile, bytes);
    await ok(runtime, 'voice.discard', { recordingId: a.recordingId });
    const rows = tableRows(runtime.connection.sqlite);
    expect(await runtime.invoke('data.backups.restore', { id: backup.id })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: `Backup ${backup.id} cannot be restored: the saved copy of recording ${saved!.name} is missing or damaged. Nothing was changed.`,
        details: { reason: 'backup_damaged' },
      },
    });
    expect(tableRows(runtime.connection.sqlite)).toEqual(rows);
    expect(existsSync(a.file)).toBe(false);
  });

  it('keeps one copy of an unchanged recording across backups, counted once in their size', async () => {
    const runtime = await testRuntime();
    await recorded(runtime, 0, tone(1, 443));
    const data = dataServiceOf(runtime.ctx);
    await data.createBackup();
    await data.createBackup();
    const files = join(data.backups.dir, 'files');
    expect(readdirSync(files)).toHaveLength(1);
    const sizes = data.list().map((b) => b.sizeBytes);
    expect(data.backups.sizeBytes()).toBe(
      sizes[0]! + sizes[1]! + statSync(join(files, readdirSync(files)[0]!)).size,
    );
  });
});
