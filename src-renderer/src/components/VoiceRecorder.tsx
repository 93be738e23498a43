/**
 * Answering out loud: record and stop (button or Alt+R), the microphone to use, the live input level and the
 * time spoken against the question's limit. Each second of audio goes to the host as it is captured, so closing
 * Rehearse mid-answer keeps what was said; a recording saved that way is offered again here. Typing stays
 * available throughout: the transcript is added to the answer box, to be edited before it is submitted.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import type { Recording } from '../../../src-shared/voice';
import { call, messageOf, on } from '../api';
import { DeliveryPanel } from './DeliveryPanel';
import { clock } from '../format';
import { stopSpeaking } from '../voice/speech';
import {
  MicError,
  microphones,
  pcmBase64,
  startCapture,
  type Capture,
  type Microphone,
} from '../voice/capture';

type Transcribed = ChannelOutput<'voice.transcribe'>;

type State =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'recording'; recordingId: string; startedAt: number }
  | { kind: 'stopping' }
  | { kind: 'transcribing'; requestId: string; status: string }
  | { kind: 'saved'; recording: Recording; result: Transcribed | null };

const SHORTCUT = 'Alt+R';
/** Sending a chunk is tried this many times before the recording is stopped with a message. */
const SEND_TRIES = 3;

export function VoiceRecorder({
  sessionQuestionId,
  limitMs,
  disabled,
  ready,
  onTranscript,
}: {
  sessionQuestionId: string;
  limitMs: number;
  disabled?: boolean;
  /** Voice is the way to answer here (a spoken mock interview): the record button has the focus from the start. */
  ready?: boolean;
  onTranscript(text: string): void;
}) {
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [error, setError] = useState('');
  const [mics, setMics] = useState<Microphone[]>([]);
  const [mic, setMic] = useState('');
  const [level, setLevel] = useState(0);
  const [now, setNow] = useState(() => performance.now());
  const [pending, setPending] = useState<Recording[]>([]);
  const capture = useRef<Capture | null>(null);
  const sending = useRef<Promise<void>>(Promise.resolve());
  const failed = useRef<string | null>(null);
  /** The recording chunks are going to, for the clean-up when the question goes away mid-recording. */
  const openId = useRef<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (ready) button.current?.focus();
  }, [ready]);

  const refreshMics = useCallback(() => {
    microphones().then(setMics, () => setMics([]));
  }, []);

  useEffect(() => {
    refreshMics();
    navigator.mediaDevices?.addEventListener?.('devicechange', refreshMics);
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', refreshMics);
  }, [refreshMics]);

  // A recording of this question that Rehearse closed in the middle of is offered again.
  useEffect(() => {
    let live = true;
    call('voice.pending', {}).then(
      (all) => live && setPending(all.filter((r) => r.sessionQuestionId === sessionQuestionId)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [sessionQuestionId]);

  const recording = state.kind === 'recording';
  useEffect(() => {
    if (!recording) return;
    const tick = setInterval(() => {
      setNow(performance.now());
      setLevel(capture.current?.level() ?? 0);
    }, 100);
    return () => clearInterval(tick);
  }, [recording]);

  /** Transcribes a saved recording (cancellable, with progress); its text goes into the answer box. */
  const transcribe = useCallback(
    async (recording: Recording) => {
      const requestId = crypto.randomUUID();
      setState({ kind: 'transcribing', requestId, status: 'Transcribing your answer…' });
      const off = on('ai.progress', (p) => {
        if (p.requestId === requestId)
          setState((s) => (s.kind === 'transcribing' ? { ...s, status: p.status } : s));
      });
      try {
        const result = await call('voice.transcribe', { recordingId: recording.id, requestId });
        if (result.transcribed && result.recording.transcript) onTranscript(result.recording.transcript);
        setState({ kind: 'saved', recording: result.recording, result });
      } catch (err) {
        setError(`Not transcribed: ${messageOf(err)} The recording is kept; type your answer meanwhile.`);
        setState({ kind: 'saved', recording, result: null });
      } finally {
        off();
      }
    },
    [onTranscript],
  );

  const stop = useCallback(async () => {
    if (state.kind !== 'recording') return;
    const { recordingId } = state;
    openId.current = null;
    setState({ kind: 'stopping' });
    const c = capture.current;
    capture.current = null;
    let saved: Recording;
    try {
      await c?.stop();
      await sending.current;
      saved = await call('voice.stop', { recordingId });
    } catch (err) {
      setError(messageOf(err));
      setState({ kind: 'idle' });
      return;
    } finally {
      setLevel(0);
    }
    if (failed.current) setError(failed.current);
    await transcribe(saved);
  }, [state, transcribe]);

  const start = useCallback(async () => {
    // the microphone would hear the question being read
    stopSpeaking();
    setError('');
    failed.current = null;
    setState({ kind: 'starting' });
    let recordingId: string;
    try {
      recordingId = (await call('voice.start', { sessionQuestionId })).recordingId;
    } catch (err) {
      setError(messageOf(err));
      setState({ kind: 'idle' });
      return;
    }
    let seq = 0;
    const send = (pcm: Int16Array) => {
      const n = seq++;
      const data = pcmBase64(pcm);
      // in order, one at a time; a chunk that fails is tried again (the host ignores one it already has)
      sending.current = sending.current.then(async () => {
        if (failed.current) return;
        for (let attempt = 1; ; attempt++) {
          try {
            await call('voice.append', { recordingId, seq: n, pcm: data });
            return;
          } catch (err) {
            if (attempt >= SEND_TRIES) {
              failed.current = `Recording stopped: ${messageOf(err)}`;
              return;
            }
          }
        }
      });
    };
    try {
      capture.current = await startCapture(mic || null, send);
    } catch (err) {
      await call('voice.discard', { recordingId }).catch(() => undefined);
      setError(err instanceof MicError ? err.message : messageOf(err));
      setState({ kind: 'idle' });
      return;
    }
    refreshMics();
    setNow(performance.now());
    openId.current = recordingId;
    setState({ kind: 'recording', recordingId, startedAt: performance.now() });
  }, [mic, refreshMics, sessionQuestionId]);

  const toggle = useCallback(() => {
    if (state.kind === 'recording') void stop();
    else if (state.kind === 'idle' || state.kind === 'saved') void start();
  }, [state.kind, start, stop]);

  // Stops on a send failure, at the host's limit, and when the question goes away.
  useEffect(() => {
    if (!recording) return;
    const watch = setInterval(() => {
      if (failed.current) void stop();
    }, 250);
    return () => clearInterval(watch);
  }, [recording, stop]);
  // Leaving the question (submitted, skipped, paused) while recording stops and keeps what was said.
  useEffect(
    () => () => {
      const c = capture.current;
      const recordingId = openId.current;
      capture.current = null;
      void (async () => {
        await c?.stop();
        await sending.current;
        if (recordingId) await call('voice.stop', { recordingId }).catch(() => undefined);
      })();
    },
    [],
  );

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyR' && !disabled) {
        e.preventDefault();
        toggle();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle, disabled]);

  const spokenMs = state.kind === 'recording' ? Math.max(0, now - state.startedAt) : 0;
  const busy = state.kind === 'starting' || state.kind === 'stopping' || state.kind === 'transcribing';

  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <div className="row spread">
        <h3 id={`${id}-title`} style={{ margin: 0, fontSize: '1rem' }}>
          Answer out loud
        </h3>
        <div className="field row" style={{ margin: 0 }}>
          <label htmlFor={`${id}-mic`}>Microphone</label>
          <select
            id={`${id}-mic`}
            value={mic}
            onChange={(e) => setMic(e.target.value)}
            disabled={recording || busy || disabled}
          >
            <option value="">System default</option>
            {mics.map((m) => (
              <option key={m.deviceId} value={m.deviceId}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="row">
        <button
          ref={button}
          type="button"
          className={recording ? 'danger' : undefined}
          onClick={toggle}
          // left enabled while starting or stopping (clicks are ignored then), so focus stays on it
          aria-disabled={busy || undefined}
          disabled={disabled}
          aria-keyshortcuts={SHORTCUT}
          aria-describedby={`${id}-shortcut`}
        >
          {recording ? 'Stop recording' : state.kind === 'saved' ? 'Record again' : 'Record answer'}
        </button>
        {recording && (
          <>
            <meter
              min={0}
              max={1}
              low={0.05}
              high={0.9}
              optimum={0.5}
              value={level}
              aria-label="Microphone input level"
            />
            <span role="timer" aria-label="Time spoken">
              {clock(spokenMs)} of {clock(limitMs)}
            </span>
          </>
        )}
      </div>
      <p id={`${id}-shortcut`} className="hint" style={{ margin: 0 }}>
        {ready
          ? `Answer out loud: press Enter on this button, or ${SHORTCUT} anywhere, to start and again to stop. What you said goes into the answer box to check before you submit; you can type instead at any time.`
          : `Press ${SHORTCUT} to start or stop recording. You can type or edit your answer at any time.`}
      </p>
      <p role="status" className="muted" style={{ margin: 0 }}>
        {state.kind === 'starting'
          ? 'Starting the microphone…'
          : state.kind === 'recording'
            ? 'Recording. Each second is saved as you speak.'
            : state.kind === 'stopping'
              ? 'Saving your recording…'
              : state.kind === 'transcribing'
                ? state.status
                : state.kind === 'saved'
                  ? savedMessage(state.recording, state.result)
                  : ''}
      </p>
      {state.kind === 'transcribing' && (
        <button type="button" onClick={() => void call('ai.cancel', { requestId: state.requestId })}>
          Cancel transcription
        </button>
      )}
      {state.kind === 'saved' && state.result && state.result.notes.length > 0 && (
        <ul className="hint" style={{ margin: 0 }}>
          {state.result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {state.kind === 'saved' && state.recording.delivery && (
        <DeliveryPanel delivery={state.recording.delivery} />
      )}
      {error && (
        <p className="error-text" role="alert" style={{ margin: 0 }}>
          {error}
        </p>
      )}
      {pending.map((r) => (
        <PendingRecording
          key={r.id}
          recording={r}
          disabled={busy || recording}
          onTranscribe={() => {
            setPending((all) => all.filter((p) => p.id !== r.id));
            void transcribe(r);
          }}
          onGone={() => setPending((all) => all.filter((p) => p.id !== r.id))}
        />
      ))}
    </section>
  );
}

function savedMessage(r: Recording, result: Transcribed | null): string {
  if (r.transcript !== null) {
    const heard = result?.provider?.sentAudio
      ? ` Your recording was sent to ${result.provider.label} to be transcribed.`
      : result?.provider
        ? ` Transcribed on this computer by ${result.provider.label}.`
        : '';
    return `Recording transcribed (${clock(r.durationMs)}); the text is in your answer box to edit before you submit.${heard}`;
  }
  return `Recording saved (${clock(r.durationMs)}). It is kept to transcribe later; type your answer meanwhile.`;
}

/** A recording Rehearse closed in the middle of: kept, with the choice to use it or let it go. */
function PendingRecording({
  recording,
  disabled,
  onTranscribe,
  onGone,
}: {
  recording: Recording;
  disabled: boolean;
  onTranscribe(): void;
  onGone(): void;
}) {
  const [error, setError] = useState('');
  return (
    <div className="card stack" role="group" aria-label="Saved recording">
      <p style={{ margin: 0 }}>
        A recording of {clock(recording.durationMs)} for this question was saved when Rehearse closed.
      </p>
      {error && (
        <p className="error-text" role="alert" style={{ margin: 0 }}>
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={onTranscribe} disabled={disabled}>
          Transcribe it into my answer
        </button>
        <button
          type="button"
          disabled={disabled}
          onClick={() =>
            call('voice.discard', { recordingId: recording.id }).then(onGone, (err: unknown) =>
              setError(messageOf(err)),
            )
          }
        >
          Discard it
        </button>
      </div>
    </div>
  );
}
