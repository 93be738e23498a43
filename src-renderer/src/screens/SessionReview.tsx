import { useEffect, useState } from 'react';
import type { SessionDetail } from '../../../src-shared/domain';
import { call, messageOf } from '../api';
import { ScreenHeading } from '../components/ScreenHeading';
import { categoryLabel, clock, dateTime, statusLabel } from '../format';
import { useApp } from '../store';

/** A finished session, read-only: every question with what was answered, skipped or left as a draft. */
export function SessionReview({ sessionId }: { sessionId: string }) {
  const go = useApp((s) => s.go);
  const [session, setSession] = useState<SessionDetail | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    call('sessions.get', { sessionId })
      .then(setSession)
      .catch((err: unknown) => setError(messageOf(err)));
  }, [sessionId]);

  if (error) return <p role="alert">{error}</p>;
  if (!session) return <p role="status">Loading session…</p>;
  const open = session.status === 'active' || session.status === 'paused';

  return (
    <div className="stack">
      <ScreenHeading>
        {session.role} · {session.difficulty}
        {session.attempt > 1 ? ` · Attempt #${session.attempt}` : ''}
      </ScreenHeading>
      <p className="muted">
        {dateTime(session.createdAt)} · {statusLabel[session.status]} · {session.answeredCount} of{' '}
        {session.questionCount} answered
      </p>
      <div className="row">
        {open && (
          <button type="button" className="primary" onClick={() => go({ name: 'room', sessionId })}>
            Resume session
          </button>
        )}
        <button type="button" onClick={() => go({ name: 'history' })}>
          Back to history
        </button>
        {session.status === 'completed' && (
          <button
            type="button"
            className="primary"
            onClick={() =>
              call('sessions.retake', { sessionId }).then(
                (next) => go({ name: 'room', sessionId: next.id }),
                (err: unknown) => setError(messageOf(err)),
              )
            }
          >
            Retake with the same questions
          </button>
        )}
        <button type="button" onClick={() => go({ name: 'setup' })}>
          New session
        </button>
      </div>
      <ol className="review">
        {session.questions.map((q) => (
          <li key={q.id} className="card">
            <h2>{q.text}</h2>
            <p className="row">
              <span className="badge">{categoryLabel(q.category)}</span>
              <span className="badge">{q.difficulty}</span>
              {q.answer && !q.answer.skipped && (
                <span className="badge">Took {clock(q.answer.timeTakenMs)}</span>
              )}
              {q.answer?.overtime && <span className="badge warn">Overtime</span>}
            </p>
            {q.answer ? (
              q.answer.skipped ? (
                <p className="muted">Skipped.</p>
              ) : (
                <>
                  <h3 className="visually-hidden">Your answer</h3>
                  <p className="answer">{q.answer.text}</p>
                </>
              )
            ) : q.draft && q.draft.text.trim() ? (
              <>
                <p className="muted">Not submitted. Your draft:</p>
                <p className="answer">{q.draft.text}</p>
              </>
            ) : (
              <p className="muted">Not answered.</p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
