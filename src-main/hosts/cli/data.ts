/** `rehearse backup list|create|restore ID`, `rehearse export --out FILE`, `rehearse import FILE [--merge]`. */
import type { BackupInfo, ImportReport } from '../../../src-shared/data';
import type { Runtime } from '../../core/runtime';
import { parse, UsageError } from './args';
import type { Io } from './index';

/** Loaded with the command that uses it, so the CLI itself starts light (see index.ts). */
const dataServiceOf = async (runtime: Runtime) =>
  (await import('../../services/data/service')).dataServiceOf(runtime.ctx);

interface Deps {
  withRuntime<T>(dataDir: string | undefined, io: Io, fn: (runtime: Runtime) => Promise<T>): Promise<T>;
  print(io: Io, json: boolean, value: unknown, human: () => string): void;
}

interface Command {
  summary: string;
  usage: string;
  run(argv: string[], io: Io): Promise<number>;
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

const when = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export const describeBackup = (b: BackupInfo) =>
  `${b.id.padEnd(30)}  ${when(b.createdAt)}  ${b.kind.padEnd(13)}  ${size(b.sizeBytes).padStart(8)}  schema ${b.schemaVersion}`;

function describeImport(r: ImportReport, file: string): string {
  const rows = r.tables.reduce((n, t) => n + t.rows, 0);
  const added = r.tables.reduce((n, t) => n + t.added, 0);
  const lines = [
    r.applied
      ? r.mode === 'merge'
        ? `Merged ${file}: ${added} new rows of ${rows}, ${r.files.added} résumé files added.`
        : `Imported ${file}: ${rows} rows and ${r.files.added} résumé files replace your previous data.`
      : `${file} is a valid Rehearse export (${rows} rows, ${r.files.total} résumé files); nothing was changed.`,
    `  exported ${when(r.createdAt)} by Rehearse ${r.appVersion}, schema ${r.schemaVersion}${r.migratedFrom !== null ? ` (upgraded to this version's schema)` : ''}`,
    ...r.tables
      .filter((t) => t.rows > 0)
      .map(
        (t) =>
          `  ${t.name.padEnd(20)} ${String(t.rows).padStart(7)}${r.mode === 'merge' ? `  (+${t.added})` : ''}`,
      ),
  ];
  if (r.backup)
    lines.push(
      `Your data as it was before is backup ${r.backup.id}; \`rehearse backup restore ${r.backup.id}\` undoes this.`,
    );
  return lines.join('\n');
}

export function dataCommands({ withRuntime, print }: Deps): Record<string, Command> {
  return {
    backup: {
      summary: 'List, make or restore backups of your data (kept: 7 daily, 4 weekly, 12 monthly)',
      usage:
        'rehearse backup list | rehearse backup create | rehearse backup restore ID  [--json] [--data-dir DIR]',
      async run(argv, io) {
        const { values, positionals } = parse(argv, {});
        const [action = 'list', id] = positionals;
        if (!['list', 'create', 'restore'].includes(action))
          throw new UsageError(`unknown backup action "${action}"`);
        if (action === 'restore' && !id)
          throw new UsageError('backup restore needs the ID of a backup (see `rehearse backup list`)');
        return withRuntime(values['data-dir'], io, async (runtime) => {
          const data = await dataServiceOf(runtime);
          if (action === 'list') {
            const backups = data.list();
            print(io, values.json, backups, () =>
              backups.length === 0
                ? `No backups yet in ${data.backups.dir}.`
                : [`Backups in ${data.backups.dir}, newest first:`, ...backups.map(describeBackup)].join(
                    '\n',
                  ),
            );
          } else if (action === 'create') {
            const backup = await data.createBackup();
            print(
              io,
              values.json,
              backup,
              () => `Backed up to ${backup.id} (${size(backup.sizeBytes)}, verified).`,
            );
          } else {
            const result = await data.restore(id!);
            print(io, values.json, result, () =>
              [
                `Restored ${result.restored.id} (from ${when(result.restored.createdAt)}).`,
                `Your data as it was just before is backup ${result.undo.id}; \`rehearse backup restore ${result.undo.id}\` undoes this.`,
              ].join('\n'),
            );
          }
          return 0;
        });
      },
    },
    export: {
      summary: 'Export everything (all your data and résumé files) to one ZIP file',
      usage: 'rehearse export --out FILE  [--json] [--data-dir DIR]',
      async run(argv, io) {
        const { values, positionals } = parse(argv, { out: { type: 'string' } });
        if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
        if (!values.out) throw new UsageError('export needs --out FILE');
        return withRuntime(values['data-dir'], io, async (runtime) => {
          const result = await (await dataServiceOf(runtime)).exportTo(values.out!);
          print(io, values.json, result, () =>
            [
              `Exported to ${result.file} (${size(result.sizeBytes)}, sha256 ${result.sha256}).`,
              ...result.tables
                .filter((t) => t.rows > 0)
                .map((t) => `  ${t.name.padEnd(20)} ${String(t.rows).padStart(7)}`),
              `  résumé files         ${String(result.files).padStart(7)}`,
            ].join('\n'),
          );
          return 0;
        });
      },
    },
    import: {
      summary: 'Import an export: replace your data with it, or --merge it in without duplicates',
      usage: 'rehearse import FILE [--merge] [--check]  [--json] [--data-dir DIR]',
      async run(argv, io) {
        const { values, positionals } = parse(argv, {
          merge: { type: 'boolean', default: false },
          check: { type: 'boolean', default: false },
        });
        const [file, ...rest] = positionals;
        if (!file) throw new UsageError('import needs the FILE to import');
        if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
        return withRuntime(values['data-dir'], io, async (runtime) => {
          const report = await (
            await dataServiceOf(runtime)
          ).importFrom(file, values.merge ? 'merge' : 'replace', values.check);
          print(io, values.json, report, () => describeImport(report, file));
          return 0;
        });
      },
    },
  };
}
