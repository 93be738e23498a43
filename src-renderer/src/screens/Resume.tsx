import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { MAX_RESUME_VERSIONS, type ResumeDetail, type ResumeVersion } from '../../../src-shared/resume';
import { call, messageOf, on } from '../api';
import { ResumeReview } from '../components/ResumeReview';
import { ScreenHeading } from '../components/ScreenHeading';
import { checkFile, downloadBase64, toBase64 } from '../files';
import { dateTime } from '../format';
import { mayLeave, useApp } from '../store';
import { Table } from '../components/Table';

interface Progress {
  requestId: string;
  stage: string;
  fraction: number;
}

export function Resume() {
  const notify = useApp((s) => s.notify);
  const [versions, setVersions] = useState<ResumeVersion[] | null>(null);
  const [selected, setSelected] = useState<ResumeDetail | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState('');

  // After an import the cursor goes to what was read: the file chooser it was on is disabled while reading.
  const toReview = useRef(false);
  useEffect(() => {
    if (!selected || !toReview.current) return;
    toReview.current = false;
    document.getElementById('review-title')?.focus();
  }, [selected]);

  const [reload, setReload] = useState(0);
  const refresh = useCallback(() => setReload((n) => n + 1), []);

  // The list, keeping the version that is open if it still exists.
  useEffect(() => {
    call('resumes.list', {}).then(
      (list) => {
        setVersions(list);
        setSelected((prev) => (prev && list.some((v) => v.id === prev.id) ? prev : null));
      },
      (err: unknown) => setError(messageOf(err)),
    );
  }, [reload]);

  // With nothing open, show the version in use.
  const activeId = versions?.find((v) => v.isActive)?.id;
  useEffect(() => {
    if (selected || !activeId) return;
    call('resumes.get', { id: activeId }).then(setSelected, (err: unknown) => setError(messageOf(err)));
  }, [selected, activeId]);

  useEffect(
    () =>
      on('resumes.progress', (p) =>
        setProgress((current) =>
          current && current.requestId === p.requestId ? { ...current, ...p } : current,
        ),
      ),
    [],
  );

  async function runImport(start: (requestId: string) => Promise<ResumeDetail>) {
    // A new version replaces the review below, and with it any corrections not yet saved.
    if (!mayLeave()) return;
    setError('');
    const requestId = crypto.randomUUID();
    setProgress({ requestId, stage: 'Sending the file', fraction: 0.05 });
    try {
      const detail = await start(requestId);
      toReview.current = true;
      setSelected(detail);
      notify('success', `Read “${detail.label}”. Check what was found below and fix anything that is wrong.`);
      refresh();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setProgress(null);
    }
  }

  async function importFile(file: File) {
    const problem = checkFile(file);
    if (problem) {
      setError(problem);
      return;
    }
    const dataBase64 = await toBase64(file);
    await runImport((requestId) => call('resumes.import', { requestId, fileName: file.name, dataBase64 }));
  }

  return (
    <div className="stack">
      <ScreenHeading>Your résumé</ScreenHeading>
      <p className="muted">
        Rehearse reads your résumé to ask about your own experience. It stays on this computer; the last five
        versions are kept.
      </p>
      <ImportPanel
        busy={progress !== null}
        replaces={versions && versions.length >= MAX_RESUME_VERSIONS ? versions.at(-1) : undefined}
        onFile={(f) => void importFile(f)}
        onText={(text) => void runImport((requestId) => call('resumes.importText', { requestId, text }))}
      />
      {progress && (
        <div className="card" aria-live="polite">
          <label htmlFor="import-progress">{progress.stage}…</label>
          <progress id="import-progress" max={1} value={progress.fraction} style={{ width: '100%' }} />
          <button
            type="button"
            onClick={() => void call('resumes.cancel', { requestId: progress.requestId })}
          >
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="error-text card" role="alert">
          {error}
        </p>
      )}
      {versions && versions.length > 0 && (
        <Versions
          versions={versions}
          selectedId={selected?.id}
          onOpen={(id) => {
            if (id === selected?.id || mayLeave()) void call('resumes.get', { id }).then(setSelected);
          }}
          onChanged={refresh}
        />
      )}
      {versions && versions.length === 0 && !progress && (
        <p className="card">
          No résumé yet. Add one above and Rehearse will tailor questions to your experience.
        </p>
      )}
      {selected && (
        <ResumeReview
          key={selected.id}
          detail={selected}
          onSaved={(d) => {
            setSelected(d);
            notify('success', 'Corrections saved. Rehearse now uses your version.');
            refresh();
          }}
        />
      )}
    </div>
  );
}

function ImportPanel({
  busy,
  replaces,
  onFile,
  onText,
}: {
  busy: boolean;
  /** The oldest version, which the next one added removes. */
  replaces: ResumeVersion | undefined;
  onFile(f: File): void;
  onText(t: string): void;
}) {
  const id = useId();
  const [mode, setMode] = useState<'file' | 'paste'>('file');
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Add a résumé</h2>
      {replaces && (
        <p className="warning-box" id={`${id}-replaces`}>
          You have {MAX_RESUME_VERSIONS} versions, the most Rehearse keeps: adding one removes the oldest, “
          {replaces.label}”{replaces.corrected ? ', with your corrections' : ''}. Delete another version first
          to keep it.
        </p>
      )}
      <div className="row" role="group" aria-label="How to add it">
        <button type="button" aria-pressed={mode === 'file'} onClick={() => setMode('file')}>
          Upload a file
        </button>
        <button type="button" aria-pressed={mode === 'paste'} onClick={() => setMode('paste')}>
          Paste text
        </button>
      </div>
      {mode === 'file' ? (
        <div
          className={`dropzone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor={`${id}-file`}>Choose a PDF, Word (.docx) or text file, or drop it here</label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept=".pdf,.docx,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown"
            disabled={busy}
            aria-describedby={replaces ? `${id}-replaces ${id}-hint` : `${id}-hint`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onFile(file);
              e.target.value = '';
            }}
          />
          <p className="hint" id={`${id}-hint`}>
            Up to 10 MB. Scanned PDFs have no text to read; paste the text instead.
          </p>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-text`}>Résumé text</label>
          <textarea
            id={`${id}-text`}
            aria-describedby={replaces ? `${id}-replaces` : undefined}
            value={text}
            onChange={(e) => setText(e.target.value)}
            disabled={busy}
          />
          <button type="button" className="primary" disabled={busy} onClick={() => onText(text)}>
            Read this text
          </button>
        </div>
      )}
    </section>
  );
}

function Versions({
  versions,
  selectedId,
  onOpen,
  onChanged,
}: {
  versions: ResumeVersion[];
  selectedId: string | undefined;
  onOpen(id: string): void;
  onChanged(): void;
}) {
  const notify = useApp((s) => s.notify);
  const [renaming, setRenaming] = useState<{ id: string; label: string } | null>(null);
  const act = (p: Promise<unknown>, done: string) =>
    p.then(
      () => {
        notify('success', done);
        onChanged();
      },
      (err: unknown) => notify('error', messageOf(err)),
    );

  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <Table caption="Your résumé versions, newest first" columns={['Name', 'Added', 'Status']} actions>
        {versions.map((v) => (
          <tr key={v.id} aria-current={v.id === selectedId ? 'true' : undefined}>
            <td>
              {renaming?.id === v.id ? (
                <form
                  className="row"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void act(call('resumes.rename', renaming), 'Renamed.').then(() => setRenaming(null));
                  }}
                >
                  <label className="visually-hidden" htmlFor={`rename-${v.id}`}>
                    New name for {v.label}
                  </label>
                  <input
                    id={`rename-${v.id}`}
                    type="text"
                    value={renaming.label}
                    onChange={(e) => setRenaming({ id: v.id, label: e.target.value })}
                    autoFocus
                  />
                  <button type="submit">Save name</button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <>
                  {v.label}
                  <br />
                  <span className="muted">{v.originalName}</span>
                </>
              )}
            </td>
            <td>{dateTime(v.createdAt)}</td>
            <td>
              {v.isActive && <span className="badge ok">In use</span>}{' '}
              {v.corrected && <span className="badge">Corrected</span>}
            </td>
            <td className="row">
              <button type="button" onClick={() => onOpen(v.id)} aria-label={`Review ${v.label}`}>
                Review
              </button>
              {!v.isActive && (
                <button
                  type="button"
                  onClick={() => void act(call('resumes.activate', { id: v.id }), `Now using ${v.label}.`)}
                  aria-label={`Use this version: ${v.label}`}
                >
                  Use this version
                </button>
              )}
              <button
                type="button"
                onClick={() => setRenaming({ id: v.id, label: v.label })}
                aria-label={`Rename ${v.label}`}
              >
                Rename
              </button>
              <button
                type="button"
                onClick={() =>
                  void call('resumes.original', { id: v.id }).then(
                    (f) => downloadBase64(f.fileName, f.mime, f.dataBase64),
                    (err: unknown) => notify('error', messageOf(err)),
                  )
                }
                aria-label={`Original of ${v.label}, download`}
              >
                Original
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  if (
                    window.confirm(
                      `Delete “${v.label}”? Its file and corrections are removed from this computer.`,
                    )
                  ) {
                    void act(call('resumes.delete', { id: v.id }), `Deleted ${v.label}.`);
                  }
                }}
                aria-label={`Delete ${v.label}`}
              >
                Delete
              </button>
            </td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
