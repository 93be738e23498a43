/**
 * Everything the candidate owns in one ZIP: every candidate table as versioned JSON, the résumé originals, the
 * recorded answers still kept (as WAV) and a manifest with checksums. Reads through a second, read-only
 * connection inside one read transaction: in WAL mode that is a consistent snapshot of one moment, while the app
 * goes on writing through its own connection.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Sqlite } from '../../db/connection';
import type { Migration } from '../../db/migrator';
import type { Vault } from '../vault/vault';
import { AUDIO_DIR, audioEntry, audioPcm, recordingFileNames, wavFromPcm } from '../voice/audio-file';
import { ZipWriter } from './archive';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  encodeValue,
  MANIFEST_ENTRY,
  resumeEntry,
  TABLE_FORMAT,
  tableEntry,
  type ArchiveManifest,
} from './format';
import { diskError, openFile, quietly, sha256File } from './storage';
import {
  candidateTables,
  isSafeFileName,
  orderedSelect,
  resumeFileNames,
  schemaVersionOf,
  type TableInfo,
} from './tables';

export interface ExportOptions {
  /** The database file; read through a connection of its own. */
  dbFile: string;
  dataDir: string;
  out: string;
  now: Date;
  appVersion: string;
  migrations: readonly Migration[];
  nativeBinding?: string;
  /** Opens sealed values and files, so the archive holds the data readable (and importable anywhere). */
  vault?: Pick<Vault, 'openColumn' | 'openFile' | 'openChunk'>;
}

export interface ExportResult {
  file: string;
  sizeBytes: number;
  sha256: string;
  schemaVersion: number;
  tables: { name: string; rows: number }[];
  files: number;
}

const FLUSH_AT = 256 * 1024;

/** The table as JSON text in pieces, so a large table never sits in memory as one string. */
function* tableJson(
  db: Sqlite,
  table: TableInfo,
  counted: { rows: number },
  vault: ExportOptions['vault'],
): Generator<string> {
  let text = `{"format":"${TABLE_FORMAT}","formatVersion":1,"table":${JSON.stringify(table.name)},"columns":${JSON.stringify(table.columns)},"rows":[`;
  let first = true;
  const value = vault
    ? (v: unknown, i: number) => encodeValue(vault.openColumn(table.name, table.columns[i]!, v))
    : (v: unknown) => encodeValue(v);
  for (const row of db.prepare(orderedSelect(table)).raw(true).iterate() as IterableIterator<unknown[]>) {
    text += `${first ? '\n' : ',\n'}${JSON.stringify(row.map(value))}`;
    first = false;
    counted.rows++;
    if (text.length >= FLUSH_AT) {
      yield text;
      text = '';
    }
  }
  yield `${text}\n]}\n`;
}

export async function exportArchive(o: ExportOptions): Promise<ExportResult> {
  const partial = `${o.out}.partial`;
  let writer: ZipWriter | undefined;
  let snapshot: Sqlite | undefined;
  try {
    snapshot = openFile(o.dbFile, { readonly: true, nativeBinding: o.nativeBinding });
    // Every read from here to the end sees the same moment.
    snapshot.exec('BEGIN');
    const schemaVersion = schemaVersionOf(snapshot);
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      createdAt: o.now.toISOString(),
      app: { name: 'Rehearse', version: o.appVersion },
      schema: {
        version: schemaVersion,
        migrations: o.migrations.filter((m) => m.version <= schemaVersion).map((m) => m.name),
      },
      tables: [],
      files: [],
    };
    rmSync(partial, { force: true });
    // Level 3: about twice as fast as the default 6 on five years of data, for an archive a third larger.
    writer = await ZipWriter.create(partial, o.now, 3);
    for (const table of candidateTables(snapshot)) {
      const counted = { rows: 0 };
      const file = tableEntry(table.name);
      const digest = await writer.add(file, tableJson(snapshot, table, counted, o.vault));
      manifest.tables.push({
        name: table.name,
        file,
        rows: counted.rows,
        sha256: digest.sha256,
        sizeBytes: digest.size,
      });
    }
    for (const name of resumeFileNames(snapshot)) {
      const source = join(o.dataDir, 'resumes', name);
      if (!isSafeFileName(name) || !existsSync(source)) continue;
      const path = resumeEntry(name);
      const bytes = readFileSync(source);
      const digest = await writer.add(path, [o.vault ? o.vault.openFile(bytes) : bytes]);
      manifest.files.push({ path, sha256: digest.sha256, sizeBytes: digest.size });
    }
    // Recordings leave as plain WAV files anyone can play, opened if they were sealed.
    for (const name of recordingFileNames(snapshot)) {
      const source = join(o.dataDir, AUDIO_DIR, name);
      if (!existsSync(source)) continue;
      const pcm = audioPcm(readFileSync(source), (payload, context) =>
        o.vault ? o.vault.openChunk(payload, context) : payload,
      );
      const path = audioEntry(name);
      const digest = await writer.add(path, [wavFromPcm(pcm)]);
      manifest.files.push({ path, sha256: digest.sha256, sizeBytes: digest.size });
    }
    await writer.add(MANIFEST_ENTRY, [`${JSON.stringify(manifest, null, 2)}\n`]);
    await writer.finish();
    writer = undefined;
    renameSync(partial, o.out);
    return {
      file: o.out,
      sizeBytes: statSync(o.out).size,
      sha256: await sha256File(o.out),
      schemaVersion,
      tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows })),
      files: manifest.files.length,
    };
  } catch (err) {
    await writer?.abort();
    quietly(() => rmSync(partial, { force: true }));
    throw diskError(err, 'the export', dirname(o.out)) ?? err;
  } finally {
    if (snapshot?.inTransaction) snapshot.exec('COMMIT');
    snapshot?.close();
  }
}
