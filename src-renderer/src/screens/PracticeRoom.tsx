import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  AnswerText,
  ANSWER_MAX_CHARS,
  type SessionDetail,
  type SessionQuestion,
} from '../../../src-shared/domain';
import { call, messageOf, modelAvailable, on } from '../api';
import { AnswerFeedback } from '../components/Feedback';
import { ScreenHeading } from '../components/ScreenHeading';
import { ReadAloud } from '../components/ReadAloud';
import { VoiceRecorder } from '../components/VoiceRecorder';
import { categoryLabel, clock, modelLabel, spokenDuration } from '../format';
import { useApp } from '../store';

/** A draft is written this long after the candidate pauses typing: a crash loses at most about this much. */
const DRAFT_DEBOUNCE_MS = 600;
const DRAFT_MAX_WAIT_MS = 1000;
/** Elapsed time is saved this often even without typing, so a restart resumes the clock where it was. */
const HEARTBEAT_MS = 10_000;

export function PracticeRoom({ sessionId }: { sessionId: string }) {
  const { go, notify } = useApp();
  const [session, setSession] = useState<SessionDetail | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    call('sessions.get', { sessionId })
      .then((s) => {
        if (s.status === 'active' || s.status === 'paused') setSession(s);
        else go({ name: 'review', sessionId });
      })
      .catch((err: unknown) => setError(messageOf(err)));
  }, [sessionId, go]);

  // Practice mode shows the feedback on each answer before the next question; mock mode keeps it for the end.
  const [reviewing, setReviewing] = useState<string | null>(null);
  const advance = useCallback(
    (next: SessionDetail, answered?: string) => {
      if (answered && next.mode === 'practice' && next.status === 'active') setReviewing(answered);
      if (next.status === 'completed' || next.status === 'abandoned') {
        notify('success', next.status === 'completed' ? 'Session complete. Well done!' : 'Session ended.');
        go({ name: 'review', sessionId: next.id });
      } else {
        setSession(next);
      }
    },
    [go, notify],
  );

  if (error) {
    return (
      <div className="card">
        <ScreenHeading>Practice session</ScreenHeading>
        <p role="alert">{error}</p>
        <button type="button" onClick={() => go({ name: 'home' })}>
          Back to home
        </button>
      </div>
    );
  }
  if (!session) return <p role="status">Loading your session…</p>;
  if (session.status === 'paused')
    return (
      <Paused
        session={session}
        onResumed={setSession}
        onEnd={() =>
          call('sessions.end', { sessionId }).then(advance, (err: unknown) => setError(messageOf(err)))
        }
      />
    );
  const reviewed = reviewing ? session.questions.find((q) => q.id === reviewing) : undefined;
  if (reviewed?.feedback)
    return (
      <FeedbackTurn
        session={session}
        question={reviewed}
        onNext={() => setReviewing(null)}
        onFollowUp={() =>
          call('sessions.takeFollowUp', { sessionQuestionId: reviewed.id }).then(
            (s) => {
              setReviewing(null);
              setSession(s);
            },
            (err: unknown) => notify('error', messageOf(err)),
          )
        }
      />
    );
  const question = session.questions[session.currentPosition];
  if (!question) return <p role="alert">This session has no current question.</p>;
  return (
    <>
      <Tailoring
        session={session}
        onTailored={() =>
          call('sessions.get', { sessionId }).then(
            (s) => setSession((prev) => (prev && prev.currentPosition === s.currentPosition ? s : prev)),
            () => undefined,
          )
        }
      />
      <QuestionTurn key={question.id} session={session} question={question} onAdvance={advance} />
    </>
  );
}

/**
 * When a model is set up, the questions after the first are rewritten for this candidate while they answer the
 * first; the builtin ones stay if the candidate cancels or the model fails. Runs once, on a fresh session.
 */
function Tailoring({ session, onTailored }: { session: SessionDetail; onTailored(): void }) {
  const [state, setState] = useState<{ kind: 'idle' | 'running' | 'done'; text: string; requestId?: string }>(
    {
      kind: 'idle',
      text: '',
    },
  );
  const fresh =
    session.currentPosition === 0 &&
    session.answeredCount === 0 &&
    session.questionCount > 1 &&
    !session.questions.some((q) => q.source === 'ai');
  const started = useRef(false);

  useEffect(() => {
    if (!fresh || started.current) return;
    started.current = true;
    let off = () => {};
    void (async () => {
      if (!(await modelAvailable())) return;
      const requestId = crypto.randomUUID();
      setState({ kind: 'running', text: 'Tailoring your next questions…', requestId });
      off = on('ai.progress', (p) => {
        if (p.requestId === requestId) setState((s) => (s.kind === 'running' ? { ...s, text: p.status } : s));
      });
      try {
        const result = await call('sessions.tailor', { sessionId: session.id, requestId });
        setState({
          kind: 'done',
          text:
            result.replaced > 0
              ? `The next ${result.replaced} questions were written for you by ${modelLabel(result.provider, result.model)}.`
              : result.notes.join(' ') || 'Kept the builtin questions.',
        });
        if (result.replaced > 0) onTailored();
      } catch (err) {
        setState({ kind: 'done', text: `Kept the builtin questions: ${messageOf(err)}` });
      } finally {
        off();
      }
    })();
    return () => off();
  }, [fresh, session.id, onTailored]);

  if (state.kind === 'idle') return null;
  return (
    <div className="card row spread" role="status">
      <span>{state.text}</span>
      {state.kind === 'running' && state.requestId && (
        <button type="button" onClick={() => void call('ai.cancel', { requestId: state.requestId! })}>
          Keep the builtin questions
        </button>
      )}
    </div>
  );
}

/** Practice mode's pause between questions: the feedback on the answer just given, then onwards. */
function FeedbackTurn({
  session,
  question,
  onNext,
  onFollowUp,
}: {
  session: SessionDetail;
  question: SessionQuestion;
  onNext(): void;
  onFollowUp(): void;
}) {
  const followUps = session.questions.filter((q) => q.parentId === (question.parentId ?? question.id)).length;
  const [feedback, setFeedback] = useState(question.feedback!);
  const [review, setReview] = useState('');
  useEffect(
    () =>
      on('evaluations.progress', (p) => {
        if (p.sessionQuestionId !== question.id) return;
        setReview(p.note);
        if (p.status === 'done')
          call('sessions.get', { sessionId: session.id }).then(
            (s) => {
              const fresh = s.questions.find((q) => q.id === question.id)?.feedback;
              if (fresh) setFeedback(fresh);
            },
            () => undefined,
          );
      }),
    [question.id, session.id],
  );
  return (
    <div className="stack">
      <ScreenHeading>Feedback on question {question.position + 1}</ScreenHeading>
      <div className="row">
        <button type="button" className="primary" onClick={onNext}>
          Next question
        </button>
        {followUps < 2 && (
          <button type="button" onClick={onFollowUp}>
            Answer a follow-up on this
          </button>
        )}
      </div>
      <section className="card stack" aria-label="Your answer and its feedback">
        <p className="question-text" style={{ margin: 0 }}>
          {question.text}
        </p>
        <p className="answer">{question.answer?.text}</p>
        {review && (
          <p role="status" className="muted">
            {review}
          </p>
        )}
        <AnswerFeedback question={question} feedback={feedback} headingLevel={2} />
      </section>
    </div>
  );
}

/** The clock is stopped while paused: no question is on screen, so no time is counted. */
function Paused({
  session,
  onResumed,
  onEnd,
}: {
  session: SessionDetail;
  onResumed(s: SessionDetail): void;
  onEnd(): void;
}) {
  const [error, setError] = useState('');
  return (
    <div className="card stack">
      <ScreenHeading>Session paused</ScreenHeading>
      <p>
        Question {session.currentPosition + 1} of {session.questionCount} is waiting, with your draft and the
        time you had used. The clock is stopped until you resume.
      </p>
      {error && <p role="alert">{error}</p>}
      <div className="row">
        <button
          type="button"
          className="primary"
          autoFocus
          onClick={() =>
            call('sessions.resume', { sessionId: session.id }).then(onResumed, (err: unknown) =>
              setError(messageOf(err)),
            )
          }
        >
          Resume
        </button>
        <button type="button" className="danger" onClick={onEnd}>
          End session
        </button>
      </div>
    </div>
  );
}

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

function QuestionTurn({
  session,
  question,
  onAdvance,
}: {
  session: SessionDetail;
  question: SessionQuestion;
  onAdvance(next: SessionDetail, answered?: string): void;
}) {
  const id = useId();
  const spokenMode = session.mode === 'spoken';
  const [text, setText] = useState(question.draft?.text ?? '');
  // A follow-up may be rewritten by a model to fit the last answer before the candidate starts on it.
  const [asked, setAsked] = useState({ text: question.text, reason: question.reason });
  const [thinking, setThinking] = useState<string | null>(null);
  useEffect(() => {
    if (!question.parentId || question.reason.startsWith('Asked by') || question.draft) return;
    let live = true;
    void (async () => {
      if (!(await modelAvailable()) || !live) return;
      const requestId = crypto.randomUUID();
      setThinking(requestId);
      try {
        const adapted = await call('sessions.adaptFollowUp', { sessionQuestionId: question.id, requestId });
        if (live) setAsked({ text: adapted.text, reason: adapted.reason });
      } catch {
        // The standard follow-up is already on screen.
      } finally {
        if (live) setThinking(null);
      }
    })();
    return () => {
      live = false;
    };
  }, [question.id, question.parentId, question.reason, question.draft]);
  const [error, setError] = useState('');
  const [saveState, setSaveState] = useState<SaveState>(
    question.draft ? { kind: 'saved', at: question.draft.updatedAt } : { kind: 'idle' },
  );
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => performance.now());
  const [announcement, setAnnouncement] = useState('');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  const shownAt = useRef(performance.now());
  const elapsed = useCallback(
    () => question.elapsedMs + Math.round(performance.now() - shownAt.current),
    [question.elapsedMs],
  );
  const latest = useRef({ text, saved: question.draft?.text ?? (null as string | null), done: false });
  latest.current.text = text;
  const queue = useRef<Promise<void>>(Promise.resolve());
  const debounce = useRef<ReturnType<typeof setTimeout>>(undefined);
  const dirtySince = useRef<number | null>(null);

  const saveDraft = useCallback(
    (force = false) => {
      clearTimeout(debounce.current);
      dirtySince.current = null;
      const state = latest.current;
      if (state.done || (!force && state.text === state.saved)) return queue.current;
      const textToSave = state.text;
      // Saves are chained so an older draft can never land after a newer one.
      queue.current = queue.current.then(async () => {
        if (latest.current.done) return;
        setSaveState({ kind: 'saving' });
        try {
          const { savedAt } = await call('sessions.saveDraft', {
            sessionQuestionId: question.id,
            text: textToSave,
            elapsedMs: elapsed(),
          });
          latest.current.saved = textToSave;
          setSaveState({ kind: 'saved', at: savedAt });
        } catch (err) {
          setSaveState({ kind: 'failed', message: messageOf(err) });
        }
      });
      return queue.current;
    },
    [question.id, elapsed],
  );

  useEffect(() => {
    const tick = setInterval(() => setNow(performance.now()), 250);
    const heartbeat = setInterval(() => void saveDraft(true), HEARTBEAT_MS);
    const flush = () => void saveDraft(true);
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    // answering out loud, the record button has the focus (VoiceRecorder's `ready`)
    if (!spokenMode) textareaRef.current?.focus();
    return () => {
      clearInterval(tick);
      clearInterval(heartbeat);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      void saveDraft();
    };
  }, [saveDraft, spokenMode]);

  const limitMs = question.timeLimitSec * 1000;
  const remaining = limitMs - (question.elapsedMs + Math.round(now - shownAt.current));
  const lastAnnounced = useRef<number | null>(null);
  useEffect(() => {
    // Announce whole minutes, then 30 and 10 seconds, then time up: often enough to help, rarely enough not to nag.
    const marks = [0, 10_000, 30_000, ...Array.from({ length: 10 }, (_, i) => (i + 1) * 60_000)];
    const crossed = marks.filter((m) => remaining <= m).sort((a, b) => a - b)[0];
    if (
      crossed === undefined ||
      crossed === lastAnnounced.current ||
      remaining > crossed ||
      crossed >= limitMs
    )
      return;
    lastAnnounced.current = crossed;
    setAnnouncement(
      crossed === 0
        ? 'Time is up. You can still submit; the answer will be marked overtime.'
        : `${spokenDuration(crossed)} left.`,
    );
  }, [remaining, limitMs]);

  function onChange(value: string) {
    setText(value);
    if (error) setError('');
    clearTimeout(debounce.current);
    // Saved after a short pause in typing, and never later than DRAFT_MAX_WAIT_MS after the first unsaved
    // keystroke, so steady typing cannot hold a draft back.
    dirtySince.current ??= performance.now();
    const wait = Math.min(DRAFT_DEBOUNCE_MS, DRAFT_MAX_WAIT_MS - (performance.now() - dirtySince.current));
    debounce.current = setTimeout(
      () => {
        dirtySince.current = null;
        void saveDraft();
      },
      Math.max(0, wait),
    );
  }

  async function submit() {
    const parsed = AnswerText.safeParse(text);
    if (!parsed.success) {
      setError(parsed.error.issues[0]!.message);
      textareaRef.current?.focus();
      return;
    }
    await finish(
      () => call('sessions.submitAnswer', { sessionQuestionId: question.id, text, elapsedMs: elapsed() }),
      question.id,
    );
  }

  async function finish(action: () => Promise<SessionDetail>, answered?: string) {
    setBusy(true);
    clearTimeout(debounce.current);
    await queue.current;
    try {
      const next = await action();
      latest.current.done = true;
      onAdvance(next, answered);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  }

  const over = remaining < 0;
  const tooLong = text.length > ANSWER_MAX_CHARS;
  const describedBy = [`${id}-counter`, `${id}-shortcut`, error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');

  return (
    <div className="stack">
      <div className="row spread">
        <ScreenHeading>
          Question {session.currentPosition + 1} of {session.questionCount}
        </ScreenHeading>
        <div className="row">
          <span className="badge">{categoryLabel(question.category)}</span>
          <span className="badge">{question.difficulty}</span>
        </div>
      </div>
      <section className="card" aria-labelledby={`${id}-question`}>
        <div className="row spread">
          <p className="muted" style={{ margin: 0 }}>
            {session.role} · {session.difficulty}
          </p>
          <p
            className={`timer${over ? ' over' : remaining < 30_000 ? ' low' : ''}`}
            role="timer"
            aria-label={over ? 'Overtime' : 'Time left'}
          >
            {over ? `Overtime +${clock(remaining)}` : clock(remaining)}
          </p>
        </div>
        {thinking && (
          <p role="status" className="row spread">
            <span>Your interviewer is thinking of a follow-up to what you said…</span>
            <button type="button" onClick={() => void call('ai.cancel', { requestId: thinking })}>
              Use the standard follow-up
            </button>
          </p>
        )}
        <h2 id={`${id}-question`} className="question-text">
          {asked.text}
        </h2>
        <ReadAloud text={asked.text} mode={session.mode} />
        <div className="row spread">
          {asked.reason && (
            <p className="muted" style={{ margin: 0 }}>
              Why this question: {asked.reason}
            </p>
          )}
          <SaveQuestion sessionQuestionId={question.id} />
        </div>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        <VoiceRecorder
          sessionQuestionId={question.id}
          limitMs={limitMs}
          disabled={busy}
          ready={spokenMode}
          onTranscript={(spoken) => {
            onChange(latest.current.text ? `${latest.current.text} ${spoken}` : spoken);
            // to check what was heard, then Ctrl+Enter
            if (spokenMode) textareaRef.current?.focus();
          }}
        />
        <div className="field">
          <label htmlFor={`${id}-answer`}>Your answer</label>
          <textarea
            ref={textareaRef}
            id={`${id}-answer`}
            value={text}
            onChange={(e) => onChange(e.target.value)}
            onBlur={() => void saveDraft()}
            onKeyDown={onKeyDown}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            disabled={busy}
          />
          <div className="row spread">
            <span id={`${id}-counter`} className={`counter hint${tooLong ? ' error-text' : ''}`}>
              {text.length.toLocaleString('en-US')} / {ANSWER_MAX_CHARS.toLocaleString('en-US')} characters
            </span>
            <span className="save-state" data-testid="save-state">
              {saveState.kind === 'saving'
                ? 'Saving draft…'
                : saveState.kind === 'saved'
                  ? 'Draft saved'
                  : saveState.kind === 'failed'
                    ? `Draft not saved: ${saveState.message}`
                    : ''}
            </span>
          </div>
          <p id={`${id}-shortcut`} className="hint">
            Press Ctrl+Enter (⌘+Enter on a Mac) to submit.
          </p>
          {error && (
            <p id={`${id}-error`} className="error-text" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="row spread">
          <div className="row">
            <button type="button" className="primary" onClick={() => void submit()} disabled={busy}>
              Submit answer
            </button>
            <button
              type="button"
              onClick={() =>
                void finish(() =>
                  call('sessions.skipQuestion', { sessionQuestionId: question.id, elapsedMs: elapsed() }),
                )
              }
              disabled={busy}
            >
              Skip question
            </button>
          </div>
          <div className="row">
            <button
              type="button"
              onClick={() =>
                void finish(async () => {
                  await saveDraft(true);
                  return call('sessions.pause', { sessionId: session.id });
                })
              }
              disabled={busy}
            >
              Pause
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => dialogRef.current?.showModal()}
              disabled={busy}
            >
              End session
            </button>
          </div>
        </div>
      </section>
      <dialog ref={dialogRef} aria-labelledby={`${id}-end-title`} aria-describedby={`${id}-end-desc`}>
        <h2 id={`${id}-end-title`}>End this session now?</h2>
        <p id={`${id}-end-desc`}>
          Answers you submitted are kept. This question and any after it stay unanswered
          {text.trim() ? ', and your unsent draft stays with the session' : ''}.
        </p>
        <div className="row">
          <button
            type="button"
            className="danger"
            onClick={() => {
              dialogRef.current?.close();
              void finish(async () => {
                await saveDraft(true);
                return call('sessions.end', { sessionId: session.id });
              });
            }}
          >
            End session
          </button>
          <button type="button" autoFocus onClick={() => dialogRef.current?.close()}>
            Keep practising
          </button>
        </div>
      </dialog>
    </div>
  );
}

/** Keeps a question in the candidate's private bank; saving twice is harmless, so the button just says so. */
function SaveQuestion({ sessionQuestionId }: { sessionQuestionId: string }) {
  const notify = useApp((s) => s.notify);
  const [saved, setSaved] = useState(false);
  return (
    <button
      type="button"
      aria-pressed={saved}
      onClick={() =>
        call('questions.private.saveFromSession', { sessionQuestionId }).then(
          () => {
            setSaved(true);
            notify('success', 'Saved to My questions.');
          },
          (err: unknown) => notify('error', messageOf(err)),
        )
      }
    >
      {saved ? 'Saved to My questions' : 'Save to My questions'}
    </button>
  );
}
