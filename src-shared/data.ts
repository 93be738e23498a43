/**
 * "Your data": backups, restore, export to one file, import from one, and deleting everything. The channels are
 * spread into the contract's map; the schemas are shared by the UI, the CLI and the service.
 */
import { z } from 'zod';
import { id } from './domain';

/** Why a backup was made. Only the daily ones take part in the 7/4/12 rotation. */
export const BACKUP_KINDS = ['daily', 'manual', 'pre-migration', 'pre-restore', 'pre-import'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/**
 * How many backups are kept: of the daily ones, the newest of each of the last 7 days, 4 weeks and 12 months
 * that have one; the newest 10 made by hand; the newest 5 made before a migration, restore or import.
 */
export const BACKUP_POLICY = { daily: 7, weekly: 4, monthly: 12, manual: 10, safety: 5 } as const;

/** 20260301-093000-daily, 20260301-093000-2-manual: when (local time), a tiebreak, and why. */
export const BACKUP_ID = /^\d{8}-\d{6}(?:-\d{1,3})?-[a-z]+(?:-[a-z]+)?$/;

export const BackupInfo = z.object({
  id: z.string(),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  /** Résumé originals saved with it. */
  resumeFiles: z.number().int(),
  /** Recordings' audio files saved with it. */
  audioFiles: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const DataStatus = z.object({
  dataDir: z.string(),
  backupsDir: z.string(),
  schemaVersion: z.number().int(),
  backups: z.array(BackupInfo),
  /** The last backup that could not be made or verified, until one succeeds. */
  lastFailure: z.object({ at: z.string(), message: z.string() }).nullable(),
  policy: z.object({
    daily: z.number().int(),
    weekly: z.number().int(),
    monthly: z.number().int(),
    manual: z.number().int(),
    safety: z.number().int(),
  }),
  sync: z.object({ on: z.boolean() }),
});
export type DataStatus = z.infer<typeof DataStatus>;

export const TableCount = z.object({ name: z.string(), rows: z.number().int() });

export const ExportSummary = z.object({
  /** Where the UI downloads it from (data.download); the CLI writes straight to --out instead. */
  transferId: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  schemaVersion: z.number().int(),
  tables: z.array(TableCount),
  files: z.number().int(),
});
export type ExportSummary = z.infer<typeof ExportSummary>;

export const IMPORT_MODES = ['replace', 'merge'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const ImportReport = z.object({
  mode: z.enum(IMPORT_MODES),
  /** False for a check: the archive was validated and nothing was written. */
  applied: z.boolean(),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  /** Set when the archive came from an older schema and was upgraded on the way in. */
  migratedFrom: z.number().int().nullable(),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int(), added: z.number().int() })),
  files: z.object({ total: z.number().int(), added: z.number().int() }),
  /** The backup of what was there before, to undo the import with. */
  backup: BackupInfo.nullable(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const EraseItem = z.object({ id: z.string(), label: z.string(), detail: z.string() });
export const ErasePreview = z.object({
  /** Everything that goes, in words. */
  items: z.array(EraseItem),
  /** Backups: deleted only when the candidate ticks the box. */
  backups: z.object({ count: z.number().int(), sizeBytes: z.number().int() }),
  /** What stays, and why it holds nothing personal. */
  kept: z.array(z.string()),
});
export type ErasePreview = z.infer<typeof ErasePreview>;

export const EraseReport = z.object({
  removed: z.array(z.string()),
  kept: z.array(z.string()),
  /** Things that could not be removed (a locked keychain), in sentences the candidate can act on. */
  problems: z.array(z.string()),
});
export type EraseReport = z.infer<typeof EraseReport>;

/** The word typed to confirm deleting everything. */
export const ERASE_CONFIRMATION = 'DELETE';

/** Raw bytes per download chunk and most bytes per upload chunk: well under the browser host's body limit. */
export const TRANSFER_CHUNK_BYTES = 2 * 1024 * 1024;
/** The largest archive Rehearse accepts. */
export const MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024;

const none = z.object({}).strict();
const transferId = id;
const offset = z
  .number({ error: 'The offset must be a number.' })
  .int({ error: 'The offset must be a whole number.' })
  .min(0, { error: 'The offset cannot be negative.' })
  .max(MAX_ARCHIVE_BYTES, { error: 'That is past the largest archive Rehearse accepts.' });

export const dataChannels = {
  'data.status': { input: none, output: DataStatus },
  'data.backups.list': { input: none, output: z.array(BackupInfo) },
  'data.backups.create': { input: none, output: BackupInfo },
  /** Backs up the current data first (returned as `undo`), then puts the chosen backup in its place. */
  'data.backups.restore': {
    input: z
      .object({
        id: z.string().regex(BACKUP_ID, { error: 'That is not the name of a Rehearse backup.' }),
      })
      .strict(),
    output: z.object({ restored: BackupInfo, undo: BackupInfo }),
  },
  /** Writes the archive to a private staging area; the UI then downloads it with data.download. */
  'data.export': { input: none, output: ExportSummary },
  'data.download': {
    input: z.object({ transferId, offset }).strict(),
    output: z.object({
      dataBase64: z.string(),
      sizeBytes: z.number().int(),
      nextOffset: z.number().int().nullable(),
    }),
  },
  /** Receives an archive in order, chunk by chunk, under an id the UI chose. */
  'data.upload': {
    input: z
      .object({
        transferId,
        offset,
        dataBase64: z
          .string()
          .max(Math.ceil(TRANSFER_CHUNK_BYTES / 3) * 4, { error: 'That chunk is larger than 2 MB.' })
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The chunk is not base64.' }),
      })
      .strict(),
    output: z.object({ receivedBytes: z.number().int() }),
  },
  /** Validates the whole archive, then (unless `check`) replaces or merges into the current data. */
  'data.import': {
    input: z
      .object({
        transferId,
        mode: z.enum(IMPORT_MODES, { error: 'Choose replace or merge.' }),
        check: z.boolean().default(false),
      })
      .strict(),
    output: ImportReport,
  },
  'data.erase.preview': { input: none, output: ErasePreview },
  'data.erase': {
    input: z
      .object({
        confirm: z.literal(ERASE_CONFIRMATION, { error: `Type ${ERASE_CONFIRMATION} to confirm.` }),
        includeBackups: z.boolean({ error: 'Say whether the backups go too.' }),
      })
      .strict(),
    output: EraseReport,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
