import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/connection';
import { loadMigrations, migrate } from '../../db/migrator';
import { appPaths } from '../../paths';
import { ok, tempDir, testRuntime } from '../../../tests/support/runtime';
import type { Runtime } from '../../core/runtime';
import { sha256Of, ZipWriter } from './archive';
import { exportArchive } from './export';
import { dataServiceOf } from './service';
import { populate, resumeFilesOf, rewrite, tableRows } from './testing';

const migrations = loadMigrations(appPaths().migrations);

async function exported(runtime: Runtime): Promise<string> {
  const file = join(tempDir(), 'export.zip');
  await dataServiceOf(runtime.ctx).exportTo(file);
  return file;
}

const tableJson = (entries: Map<string, Buffer>, table: string) =>
  JSON.parse(entries.get(`tables/${table}.json`)!.toString()) as { columns: string[]; rows: unknown[][] };

function state(runtime: Runtime) {
  return {
    rows: tableRows(runtime.connection.sqlite),
    files: resumeFilesOf(runtime.ctx.dataDir),
    backups: dataServiceOf(runtime.ctx).list().length,
  };
}

describe('export and import', () => {
  it('export, then import into a fresh data dir, gives identical data table by table, and the same résumé files', async () => {
    const source = await testRuntime();
    await populate(source);
    const file = await exported(source);
    const target = await testRuntime();
    const report = await dataServiceOf(target.ctx).importFrom(file, 'replace');
    expect(report).toMatchObject({
      mode: 'replace',
      applied: true,
      migratedFrom: null,
      backup: null,
      files: { total: 1, added: 1 },
    });
    const from = tableRows(source.connection.sqlite, 'candidate');
    const to = tableRows(target.connection.sqlite, 'candidate');
    expect(Object.keys(to)).toEqual(Object.keys(from));
    for (const table of Object.keys(from)) expect(to[table], table).toEqual(from[table]);
    expect(Object.values(from).every((rows) => rows.length > 0 || true)).toBe(true);
    expect(from.answers!.length).toBeGreaterThan(0);
    expect(from.resumes!.length).toBe(1);
    // Derived tables are rebuilt by their triggers as the rows go in.
    if ('progress_scores' in from)
      expect(tableRows(target.connection.sqlite).progress_scores).toEqual(
        tableRows(source.connection.sqlite).progress_scores,
      );
    expect(resumeFilesOf(target.ctx.dataDir)).toEqual(resumeFilesOf(source.ctx.dataDir));
    // The app works on the imported data.
    expect(
      (await ok(target, 'resumes.original', { id: (from.resumes![0] as { id: string }).id })).dataBase64
        .length,
    ).toBeGreaterThan(0);
    expect((await ok(target, 'sessions.list', { page: 1 })).total).toBe((from.sessions as unknown[]).length);
  });

  it('replacing existing data backs it up first, so the import can be undone', async () => {
    const source = await testRuntime();
    await populate(source, 'Ada Lovelace');
    const file = await exported(source);
    const target = await testRuntime();
    await populate(target, 'Grace Hopper');
    // This installation's sync settings are not the archive's to replace.
    const sync =
      "INSERT INTO sync_settings (id, server_url, device_id, updated_at) VALUES (1, 'https://board.example', 'device-1', '2026-01-01')";
    target.connection.sqlite.prepare(sync).run();
    const before = state(target);
    const report = await dataServiceOf(target.ctx).importFrom(file, 'replace');
    expect(target.connection.sqlite.prepare('SELECT device_id FROM sync_settings').get()).toEqual({
      device_id: 'device-1',
    });
    expect(report.backup?.kind).toBe('pre-import');
    expect((await ok(target, 'profile.get', {}))?.name).toBe('Ada Lovelace');
    expect(Object.keys(resumeFilesOf(target.ctx.dataDir))).toEqual(
      Object.keys(resumeFilesOf(source.ctx.dataDir)),
    );
    await ok(target, 'data.backups.restore', { id: report.backup!.id });
    expect(tableRows(target.connection.sqlite)).toEqual(before.rows);
    expect(resumeFilesOf(target.ctx.dataDir)).toEqual(before.files);
  });

  it('merging adds what is new without duplicates, and merging again adds nothing and writes nothing', async () => {
    const source = await testRuntime();
    await populate(source, 'Ada Lovelace');
    const file = await exported(source);
    const target = await testRuntime();
    await populate(target, 'Grace Hopper');
    const data = dataServiceOf(target.ctx);
    const check = await data.importFrom(file, 'merge', true);
    expect(check.applied).toBe(false);
    const first = await data.importFrom(file, 'merge');
    expect(first.tables.map((t) => [t.name, t.added])).toEqual(check.tables.map((t) => [t.name, t.added]));
    const added = Object.fromEntries(first.tables.map((t) => [t.name, t.added]));
    expect(added).toMatchObject({
      profile: 0,
      sessions: 3,
      resumes: 1,
      jobs: 1,
      private_questions: 1,
      companies: 1,
    });
    expect(added.answers).toBeGreaterThan(0);
    expect(first.files.added).toBe(1);
    expect(first.backup?.kind).toBe('pre-import');
    // Yours stays active; the merged résumé is there as another version.
    expect((await ok(target, 'resumes.active', {}))?.parsed.contact.name).toBe('Grace Hopper');
    expect(await ok(target, 'resumes.list', {})).toHaveLength(2);
    expect((await ok(target, 'profile.get', {}))?.name).toBe('Grace Hopper');

    const after = state(target);
    const second = await data.importFrom(file, 'merge');
    expect(second.tables.every((t) => t.added === 0)).toBe(true);
    expect(second).toMatchObject({ applied: true, backup: null, files: { added: 0 } });
    expect(state(target)).toEqual(after);
    // Its own export merged back: nothing new either.
    expect((await data.importFrom(await exported(target), 'merge')).tables.every((t) => t.added === 0)).toBe(
      true,
    );
  });

  it('imports an export from an older schema by upgrading it', async () => {
    const dir = tempDir();
    const old = openSqlite(join(dir, 'old.sqlite'));
    migrate(
      old,
      migrations.filter((m) => m.version <= 5),
    );
    old.exec(`
      INSERT INTO profile VALUES (1, 'Ada', 'Backend Engineer', 'Mid', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
      INSERT INTO sessions (id, role, difficulty, status, question_count, created_at, updated_at)
        VALUES ('s1', 'Sales', 'Easy', 'completed', 1, '2025-01-02T00:00:00Z', '2025-01-02T00:00:00Z');`);
    const file = join(dir, 'old.zip');
    old.close();
    await exportArchive({
      dbFile: join(dir, 'old.sqlite'),
      dataDir: dir,
      out: file,
      now: new Date(),
      appVersion: '0.0.1',
      migrations,
    });
    const target = await testRuntime();
    const report = await dataServiceOf(target.ctx).importFrom(file, 'replace');
    expect(report).toMatchObject({ schemaVersion: 5, migratedFrom: 5 });
    expect((await ok(target, 'profile.get', {}))?.name).toBe('Ada');
    // Migration 0006 filled in what it adds for existing sessions.
    expect(target.connection.sqlite.prepare('SELECT attempt, first_attempt_id FROM sessions').get()).toEqual({
      attempt: 1,
      first_attempt_id: 's1',
    });
  });

  it('moves an archive through the channels the UI uses: export, download in chunks, upload in chunks, import', async () => {
    let source = await testRuntime();
    await populate(source);
    const first = await ok(source, 'data.export', {});
    expect(first.fileName).toMatch(/^rehearse-export-\d{4}-\d{2}-\d{2}\.zip$/);
    // Staged in the data dir, an export is still there to download after a restart.
    await source.close();
    source = await testRuntime({ dataDir: source.ctx.dataDir });
    const summary = first;
    const parts: Buffer[] = [];
    for (let offset: number | null = 0; offset !== null;) {
      const chunk: { dataBase64: string; nextOffset: number | null } = await ok(source, 'data.download', {
        transferId: summary.transferId,
        offset,
      });
      parts.push(Buffer.from(chunk.dataBase64, 'base64'));
      offset = chunk.nextOffset;
    }
    const archive = Buffer.concat(parts);
    expect(sha256Of(archive)).toBe(summary.sha256);
    // Read to the end, the staged file is gone.
    expect(await source.invoke('data.download', { transferId: summary.transferId, offset: 0 })).toMatchObject(
      { ok: false, error: { code: 'NOT_FOUND' } },
    );

    const target = await testRuntime();
    const transferId = randomUUID();
    const step = 1000;
    for (let offset = 0; offset < archive.length; offset += step)
      await ok(target, 'data.upload', {
        transferId,
        offset,
        dataBase64: archive.subarray(offset, offset + step).toString('base64'),
      });
    expect(await target.invoke('data.upload', { transferId, offset: 5, dataBase64: 'AAAA' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await ok(target, 'data.import', { transferId, mode: 'replace', check: true })).toMatchObject({
      applied: false,
    });
    expect(await ok(target, 'data.import', { transferId, mode: 'replace' })).toMatchObject({ applied: true });
    expect(tableRows(target.connection.sqlite, 'candidate')).toEqual(
      tableRows(source.connection.sqlite, 'candidate'),
    );
  });

  describe('refuses a damaged or foreign archive with the reason, and writes nothing', () => {
    const cases: [string, (file: string) => Promise<string>, RegExp][] = [
      [
        'truncated',
        async (file) => {
          const out = join(tempDir(), 'cut.zip');
          const bytes = readFileSync(file);
          writeFileSync(out, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
          return out;
        },
        /not a ZIP archive, or it is damaged or cut short/,
      ],
      [
        'one byte changed',
        async (file) => {
          const out = join(tempDir(), 'flip.zip');
          const bytes = readFileSync(file);
          bytes.writeUInt8(bytes.readUInt8(200) ^ 0x55, 200);
          writeFileSync(out, bytes);
          return out;
        },
        /damaged|checksum|does not match/,
      ],
      [
        'wrong checksum',
        (file) =>
          rewrite(file, (entries) => {
            const profile = tableJson(entries, 'profile');
            profile.rows[0]![1] = 'Mallory';
            entries.set(
              'tables/profile.json',
              Buffer.from(
                JSON.stringify({
                  ...JSON.parse(entries.get('tables/profile.json')!.toString()),
                  rows: profile.rows,
                }),
              ),
            );
          }),
        /"tables\/profile.json" does not match its checksum/,
      ],
      [
        'an extra file',
        (file) => rewrite(file, (entries) => entries.set('notes.txt', Buffer.from('hello'))),
        /holds files its manifest does not list \("notes.txt"\)/,
      ],
      [
        'a path that climbs out',
        (file) => rewrite(file, (entries) => entries.set('../../x', Buffer.from('evil'))),
        /named "\.\.\/\.\.\/x", which could be written outside/,
      ],
      [
        'a résumé path that climbs out, listed in the manifest',
        (file) =>
          rewrite(file, (entries, manifest) => {
            entries.set('resumes/../../y', Buffer.from('evil'));
            manifest.files.push({
              path: 'resumes/../../y',
              sha256: sha256Of(Buffer.from('evil')),
              sizeBytes: 4,
            });
          }),
        /outside the data folder|Rehearse never writes/,
      ],
      [
        'a foreign ZIP',
        async () => {
          const out = join(tempDir(), 'foreign.zip');
          const writer = await ZipWriter.create(out, new Date());
          await writer.add('word/document.xml', ['<w:document/>']);
          await writer.finish();
          return out;
        },
        /not a Rehearse export \(it has no manifest.json\)/,
      ],
      [
        'a newer schema',
        (file) =>
          rewrite(file, (_e, manifest) => {
            manifest.schema.version = 999;
            manifest.app.version = '9.0.0';
          }),
        /made by a newer version of Rehearse \(9\.0\.0, data schema 999; this version reads up to \d+\)\. Update Rehearse/,
      ],
      [
        'a newer export format',
        (file) => rewrite(file, (_e, manifest) => void (manifest.formatVersion = 2)),
        /newer version of Rehearse \(export format 2\)/,
      ],
      [
        'a changed schema history',
        (file) => rewrite(file, (_e, manifest) => void (manifest.schema.migrations[0] = '0001_other')),
        /schema history does not match/,
      ],
      [
        'a row that breaks a rule',
        (file) =>
          rewrite(
            file,
            (entries) => {
              const t = tableJson(entries, 'profile');
              t.rows[0]![t.columns.indexOf('experience_level')] = 'Guru';
              entries.set(
                'tables/profile.json',
                Buffer.from(
                  JSON.stringify({ format: 'rehearse-table', formatVersion: 1, table: 'profile', ...t }),
                ),
              );
            },
            { fixChecksums: true },
          ),
        /data for profile is not valid \(row 1: CHECK constraint failed/,
      ],
      [
        'an answer to a question that is not there',
        (file) =>
          rewrite(
            file,
            (entries) => {
              const t = tableJson(entries, 'answers');
              t.rows[0]![t.columns.indexOf('session_question_id')] = 'nowhere';
              entries.set(
                'tables/answers.json',
                Buffer.from(
                  JSON.stringify({ format: 'rehearse-table', formatVersion: 1, table: 'answers', ...t }),
                ),
              );
            },
            { fixChecksums: true },
          ),
        /a row of answers refers to a row of session_questions that is not in the file/,
      ],
      [
        'a column the table does not have',
        (file) =>
          rewrite(
            file,
            (entries) => {
              const t = tableJson(entries, 'jobs');
              t.columns[1] = 'salary';
              entries.set(
                'tables/jobs.json',
                Buffer.from(
                  JSON.stringify({ format: 'rehearse-table', formatVersion: 1, table: 'jobs', ...t }),
                ),
              );
            },
            { fixChecksums: true },
          ),
        /has a column "salary" the table does not/,
      ],
    ];

    // One export to damage in every way; made once, as populating takes a while.
    let good: string;
    const keep = mkdtempSync(join(tmpdir(), 'rehearse-good-export-'));
    beforeAll(async () => {
      const source = await testRuntime();
      await populate(source, 'Ada Lovelace');
      good = join(keep, 'good.zip');
      copyFileSync(await exported(source), good);
    });
    afterAll(() => rmSync(keep, { recursive: true, force: true }));

    it.each(cases)('%s', async (_name, make, reason) => {
      const bad = await make(good);
      const target = await testRuntime();
      await populate(target, 'Grace Hopper');
      const before = state(target);
      for (const mode of ['replace', 'merge'] as const) {
        const result = await dataServiceOf(target.ctx)
          .importFrom(bad, mode)
          .then(
            () => null,
            (err: unknown) => err,
          );
        expect(result).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringMatching(reason) });
        expect((result as Error).message).toMatch(/Nothing was changed\.$/);
        expect(state(target)).toEqual(before);
      }
      for (const escaped of [
        join(target.ctx.dataDir, '..', '..', 'x'),
        join(target.ctx.dataDir, '..', 'y'),
        join(target.ctx.dataDir, 'x'),
      ])
        expect(existsSync(escaped)).toBe(false);
    });
  });
});
