/**
 * Recordings Rehearse closed in the middle of, whose question has moved on (the session ended, or the question
 * was answered another way): the practice room can no longer offer them, so the start screen does, until the
 * candidate transcribes or discards each one. None is ever dropped without being asked.
 */
import { useEffect, useId, useState } from 'react';
import { offeredOutsideRoom, recoveredText, recoveryText, type Recording } from '../../../src-shared/voice';
import { call, messageOf, on } from '../api';
import { useApp } from '../store';

export function SavedRecordings() {
  const id = useId();
  const [recordings, setRecordings] = useState<Recording[]>([]);
  /** What happened to recordings acted on here, kept on screen until the candidate moves on. */
  const [done, setDone] = useState<{ recording: Recording; message: string }[]>([]);

  useEffect(() => {
    let live = true;
    call('voice.pending', {}).then(
      (all) => live && setRecordings(all.filter(offeredOutsideRoom)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  if (recordings.length === 0 && done.length === 0) return null;
  const settle = (recording: Recording, message: string | null, keep: boolean) => {
    if (!keep) setRecordings((all) => all.filter((r) => r.id !== recording.id));
    if (message)
      setDone((all) => [...all.filter((d) => d.recording.id !== recording.id), { recording, message }]);
  };
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Saved recordings</h2>
      {done.map((d) => (
        <Outcome key={d.recording.id} recording={d.recording} message={d.message} />
      ))}
      {recordings.map((r) => (
        <SavedRecording key={r.id} recording={r} onSettled={settle} />
      ))}
    </section>
  );
}

function Outcome({ recording, message }: { recording: Recording; message: string }) {
  const go = useApp((s) => s.go);
  return (
    <div className="row spread">
      <p role="status" style={{ margin: 0 }}>
        {message}
      </p>
      {recording.transcript !== null && (
        <button type="button" onClick={() => go({ name: 'review', sessionId: recording.sessionId })}>
          Open that session&rsquo;s review
        </button>
      )}
    </div>
  );
}

function SavedRecording({
  recording,
  onSettled,
}: {
  recording: Recording;
  onSettled(r: Recording, message: string | null, keep: boolean): void;
}) {
  const [busy, setBusy] = useState<{ requestId: string; status: string } | null>(null);
  const [error, setError] = useState('');

  async function transcribe() {
    const requestId = crypto.randomUUID();
    setError('');
    setBusy({ requestId, status: 'Transcribing the recording…' });
    const off = on('ai.progress', (p) => {
      if (p.requestId === requestId) setBusy((b) => (b ? { ...b, status: p.status } : b));
    });
    try {
      const result = await call('voice.transcribe', { recordingId: recording.id, requestId });
      onSettled(result.recording, recoveredText(result.recording, result.notes), !result.transcribed);
    } catch (err) {
      setError(`Not transcribed: ${messageOf(err)} The recording is kept.`);
    } finally {
      off();
      setBusy(null);
    }
  }

  return (
    <div
      className="stack"
      role="group"
      aria-label={`Saved recording for question ${recording.questionPosition + 1}`}
    >
      <p style={{ margin: 0 }}>{recoveryText(recording)}</p>
      <blockquote className="muted" style={{ margin: 0 }}>
        {recording.questionText}
      </blockquote>
      {busy && (
        <p role="status" style={{ margin: 0 }}>
          {busy.status}
        </p>
      )}
      {error && (
        <p className="error-text" role="alert" style={{ margin: 0 }}>
          {error}
        </p>
      )}
      <div className="row">
        {busy ? (
          <button type="button" onClick={() => void call('ai.cancel', { requestId: busy.requestId })}>
            Cancel transcription
          </button>
        ) : (
          <>
            <button type="button" onClick={() => void transcribe()}>
              Transcribe it
            </button>
            <button
              type="button"
              onClick={() =>
                call('voice.discard', { recordingId: recording.id }).then(
                  () => onSettled(recording, 'Recording discarded.', false),
                  (err: unknown) => setError(messageOf(err)),
                )
              }
            >
              Discard it
            </button>
          </>
        )}
      </div>
    </div>
  );
}
