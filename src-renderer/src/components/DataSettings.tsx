import { useCallback, useId, useRef, useState } from 'react';
import {
  ERASE_CONFIRMATION,
  TRANSFER_CHUNK_BYTES,
  type BackupInfo,
  type BackupKind,
  type DataStatus,
  type ErasePreview,
  type ImportMode,
  type ImportReport,
} from '../../../src-shared/data';
import { call, messageOf } from '../api';
import { dateTime } from '../format';
import { useApp } from '../store';
import { RadioChoices } from './form';
import { Table } from './Table';
import { useLoaded } from './loaded';

const KIND: Record<BackupKind, string> = {
  daily: 'Daily',
  manual: 'Made by you',
  'pre-migration': 'Before an upgrade',
  'pre-restore': 'Before a restore',
  'pre-import': 'Before an import',
};

const MODES: Record<ImportMode, string> = {
  merge: 'Merge: add what is new, skip what you already have',
  replace: 'Replace: your current data is backed up first, then replaced by the file’s',
};

export function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const rowsIn = (r: ImportReport) => r.tables.reduce((n, t) => n + t.rows, 0);
const addedIn = (r: ImportReport) => r.tables.reduce((n, t) => n + t.added, 0);

/** After a restore, import or erase everything on screen is stale: reload what the app shows from the new data. */
function useReload() {
  const load = useApp((s) => s.load);
  return useCallback(() => load(), [load]);
}

/**
 * Settings → Your data: backups (made daily and before upgrades; restore any), export to one file, import one
 * (merge or replace), and delete everything. Whole-data changes say what will happen before they happen.
 */
export function DataSettings() {
  const id = useId();
  const [status, , refresh] = useLoaded('data.status');
  const { busy, run } = useTask(() => void refresh());

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Your data</h2>
      <p aria-live="polite" className="hint">
        {busy}
      </p>
      <Backups status={status} busy={busy} run={run} />
      <Export busy={busy} run={run} />
      <Import busy={busy} run={run} />
      <EraseEverything busy={busy} run={run} />
    </section>
  );
}

export type Run = (what: string, fn: () => Promise<void>) => Promise<void>;

/**
 * One whole-data task at a time: `busy` says what is running (for a live status line and disabled buttons),
 * a failure becomes an error notice, and `after` runs however it ended.
 */
export function useTask(after?: () => void): { busy: string; run: Run } {
  const notify = useApp((s) => s.notify);
  const [busy, setBusy] = useState('');
  const run = useCallback<Run>(
    async (what, fn) => {
      setBusy(what);
      try {
        await fn();
      } catch (err) {
        notify('error', messageOf(err));
      } finally {
        setBusy('');
        after?.();
      }
    },
    [notify, after],
  );
  return { busy, run };
}

/** Exports everything to one ZIP, downloads it, and says what it holds. */
export async function exportAllData(notify: (kind: 'success', message: string) => void): Promise<void> {
  const summary = await call('data.export', {});
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let offset: number | null = 0; offset !== null;) {
    const chunk: { dataBase64: string; nextOffset: number | null } = await call('data.download', {
      transferId: summary.transferId,
      offset,
    });
    parts.push(Uint8Array.from(atob(chunk.dataBase64), (c) => c.charCodeAt(0)));
    offset = chunk.nextOffset;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = summary.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
  notify('success', `Exported ${rows} records and ${summary.files} résumé files to ${summary.fileName}.`);
}

function Backups({ status, busy, run }: { status: DataStatus | undefined; busy: string; run: Run }) {
  const notify = useApp((s) => s.notify);
  const reload = useReload();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [chosen, setChosen] = useState<BackupInfo | null>(null);

  if (!status) return <p role="status">Loading backups…</p>;
  const { policy } = status;

  function restore(backup: BackupInfo) {
    dialog.current?.close();
    void run('Restoring the backup…', async () => {
      const result = await call('data.backups.restore', { id: backup.id });
      await reload();
      notify(
        'success',
        `Restored the backup from ${dateTime(result.restored.createdAt)}. To undo, restore the one made ${dateTime(result.undo.createdAt)} (“${KIND[result.undo.kind]}”).`,
      );
    });
  }

  return (
    <div>
      <h3>Backups</h3>
      <p className="hint">
        Rehearse backs up your data on the first start of each day and before every upgrade, and checks each
        backup after writing it. A backup holds your résumé files and the audio of your spoken answers too,
        encrypted like the rest when you have set a passphrase. It keeps the newest of the last {policy.daily}{' '}
        days, {policy.weekly} weeks and {policy.monthly} months, your last {policy.manual} own backups, and
        the last {policy.safety} made before an upgrade, restore or import. They are in{' '}
        <code>{status.backupsDir}</code>.
      </p>
      {status.lastFailure && (
        <p role="alert" className="error-text">
          The last backup failed ({dateTime(status.lastFailure.at)}): {status.lastFailure.message}
        </p>
      )}
      <button
        type="button"
        disabled={busy !== ''}
        onClick={() =>
          void run('Backing up…', async () => {
            const backup = await call('data.backups.create', {});
            notify('success', `Backed up and checked (${size(backup.sizeBytes)}).`);
          })
        }
      >
        Back up now
      </button>
      {status.backups.length === 0 ? (
        <p>No backups yet.</p>
      ) : (
        <Table caption="Backups, newest first" columns={['Made', 'Why', 'Size']} actions>
          {status.backups.map((b) => (
            <tr key={b.id}>
              <td>{dateTime(b.createdAt)}</td>
              <td>{KIND[b.kind]}</td>
              <td>{size(b.sizeBytes)}</td>
              <td>
                <button
                  type="button"
                  disabled={busy !== ''}
                  aria-label={`Restore the backup from ${dateTime(b.createdAt)} (${KIND[b.kind]})`}
                  onClick={() => {
                    setChosen(b);
                    dialog.current?.showModal();
                  }}
                >
                  Restore
                </button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <dialog ref={dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        {chosen && (
          <>
            <h2 id={`${id}-title`}>Restore the backup from {dateTime(chosen.createdAt)}?</h2>
            <p id={`${id}-desc`}>
              Your data goes back to how it was then. Your current data is backed up first, so you can undo
              this by restoring that backup.
            </p>
            <div className="row">
              <button type="button" className="primary" onClick={() => restore(chosen)}>
                Restore this backup
              </button>
              <button type="button" autoFocus onClick={() => dialog.current?.close()}>
                Cancel
              </button>
            </div>
          </>
        )}
      </dialog>
    </div>
  );
}

function Export({ busy, run }: { busy: string; run: Run }) {
  const notify = useApp((s) => s.notify);
  return (
    <div>
      <h3>Export</h3>
      <p className="hint">
        One ZIP file with everything: your profile, sessions, answers and feedback, résumés (with the original
        files), job postings, your own questions and companies, and settings. Keep it somewhere safe: it holds
        your answers and résumé. Cloud keys are not included.
      </p>
      <button
        type="button"
        disabled={busy !== ''}
        onClick={() => void run('Exporting…', () => exportAllData(notify))}
      >
        Export all my data
      </button>
    </div>
  );
}

function Import({ busy, run }: { busy: string; run: Run }) {
  const notify = useApp((s) => s.notify);
  const reload = useReload();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<{ name: string; transferId: string; check: ImportReport } | null>(
    null,
  );
  const [mode, setMode] = useState<ImportMode>('merge');
  const [error, setError] = useState('');

  async function choose(file: File) {
    setError('');
    setPicked(null);
    const transferId = crypto.randomUUID();
    for (let offset = 0; offset < file.size; offset += TRANSFER_CHUNK_BYTES) {
      const bytes = new Uint8Array(await file.slice(offset, offset + TRANSFER_CHUNK_BYTES).arrayBuffer());
      await call('data.upload', { transferId, offset, dataBase64: toBase64(bytes) });
    }
    // Checked completely before anything is written; a bad file is refused here with the reason.
    const check = await call('data.import', { transferId, mode: 'replace', check: true });
    setPicked({ name: file.name, transferId, check });
  }

  return (
    <div>
      <h3>Import</h3>
      <div className="field">
        <label htmlFor={`${id}-file`}>Import an export file (.zip)</label>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept=".zip,application/zip"
          disabled={busy !== ''}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void run('Checking the file…', async () => {
              try {
                await choose(file);
              } catch (err) {
                setError(messageOf(err));
              }
            });
          }}
        />
      </div>
      {error && (
        <p role="alert" className="error-text" id={`${id}-error`}>
          {error}
        </p>
      )}
      {picked && (
        <div className="card">
          <p id={`${id}-summary`}>
            <strong>{picked.name}</strong> is a Rehearse export from {dateTime(picked.check.createdAt)}{' '}
            (Rehearse {picked.check.appVersion}) with {rowsIn(picked.check)} records and{' '}
            {picked.check.files.total} résumé files.
            {picked.check.migratedFrom !== null && ' It comes from an earlier version and will be upgraded.'}
          </p>
          <RadioChoices
            id={`${id}-mode`}
            legend="How to import it"
            name={`${id}-mode`}
            options={['merge', 'replace'] as const}
            value={mode}
            onChange={setMode}
            labels={MODES}
          />
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={busy !== ''}
              aria-describedby={`${id}-summary`}
              onClick={() =>
                void run('Importing…', async () => {
                  const report = await call('data.import', { transferId: picked.transferId, mode });
                  setPicked(null);
                  if (input.current) input.current.value = '';
                  await reload();
                  notify(
                    'success',
                    report.mode === 'merge'
                      ? `Merged ${picked.name}: ${addedIn(report)} new records, ${report.files.added} résumé files.`
                      : `Imported ${picked.name}: ${rowsIn(report)} records and ${report.files.added} résumé files.${report.backup ? ' Your previous data was backed up first.' : ''}`,
                  );
                })
              }
            >
              Import
            </button>
            <button
              type="button"
              onClick={() => {
                setPicked(null);
                if (input.current) input.current.value = '';
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Delete everything, after naming what goes and DELETE typed; also the way on from a forgotten passphrase. */
export function EraseEverything({ busy, run }: { busy: string; run: Run }) {
  const notify = useApp((s) => s.notify);
  const reload = useReload();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [preview, setPreview] = useState<ErasePreview | null>(null);
  const [includeBackups, setIncludeBackups] = useState(false);
  const [typed, setTyped] = useState('');

  async function open() {
    setPreview(await call('data.erase.preview', {}));
    setTyped('');
    setIncludeBackups(false);
    dialog.current?.showModal();
  }

  return (
    <div>
      <h3>Delete everything</h3>
      <p className="hint">Removes all your data from this computer. You are shown exactly what goes first.</p>
      <button
        type="button"
        className="danger"
        disabled={busy !== ''}
        onClick={() => void open().catch((err: unknown) => notify('error', messageOf(err)))}
      >
        Delete everything…
      </button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        {preview && (
          <form
            method="dialog"
            onSubmit={(e) => {
              e.preventDefault();
              if (typed !== ERASE_CONFIRMATION) return;
              dialog.current?.close();
              void run('Deleting everything…', async () => {
                const report = await call('data.erase', { confirm: ERASE_CONFIRMATION, includeBackups });
                for (const problem of report.problems) notify('error', problem);
                await reload();
                notify('success', 'Everything was deleted. Rehearse starts afresh.');
              });
            }}
          >
            <h2 id={`${id}-title`}>Delete everything?</h2>
            <div id={`${id}-desc`}>
              <p>This removes from this computer, for good:</p>
              <ul>
                {preview.items.map((item) => (
                  <li key={item.id}>
                    <strong>{item.label}:</strong> {item.detail}
                  </li>
                ))}
              </ul>
            </div>
            {preview.backups.count > 0 && (
              <label className="choice">
                <input
                  type="checkbox"
                  checked={includeBackups}
                  onChange={(e) => setIncludeBackups(e.target.checked)}
                />
                Also delete my {preview.backups.count} {preview.backups.count === 1 ? 'backup' : 'backups'} (
                {size(preview.backups.sizeBytes)})
              </label>
            )}
            <p className="hint">
              Kept: {preview.kept.join(' ')}
              {preview.backups.count > 0 && !includeBackups && ' Your backups stay unless you tick the box.'}
            </p>
            <div className="field">
              <label htmlFor={`${id}-confirm`}>Type {ERASE_CONFIRMATION} to confirm</label>
              <input
                id={`${id}-confirm`}
                type="text"
                autoComplete="off"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
              />
            </div>
            <div className="row">
              <button type="submit" className="danger" disabled={typed !== ERASE_CONFIRMATION}>
                Delete everything
              </button>
              <button type="button" autoFocus onClick={() => dialog.current?.close()}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </dialog>
    </div>
  );
}
