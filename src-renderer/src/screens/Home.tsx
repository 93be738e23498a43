import { useEffect, useState } from 'react';
import type { SessionSummary } from '../../../src-shared/domain';
import { call, messageOf, on } from '../api';
import { FirstSteps, NextStepCard, useGuide } from '../components/Guide';
import { SavedRecordings } from '../components/SavedRecordings';
import { ScreenHeading } from '../components/ScreenHeading';
import { dateTime, statusLabel } from '../format';
import { useApp } from '../store';

export function Home() {
  const { profile, go, notify } = useApp();
  const [resumable, setResumable] = useState<SessionSummary | null>(null);
  const [recent, setRecent] = useState<SessionSummary[] | null>(null);
  const [guide, setGuide] = useGuide();

  useEffect(() => {
    const refresh = () =>
      Promise.all([call('sessions.resumable', {}), call('sessions.list', { page: 1, pageSize: 5 })])
        .then(([open, page]) => {
          setResumable(open);
          setRecent(page.items);
        })
        .catch((err: unknown) => notify('error', messageOf(err)));
    void refresh();
    return on('sessions.changed', () => void refresh());
  }, [notify]);

  return (
    <div className="stack">
      <ScreenHeading>Welcome back, {profile?.name}</ScreenHeading>
      {guide && <FirstSteps guide={guide} onChange={setGuide} />}
      {resumable && (
        <section className="card" aria-labelledby="resume-heading">
          <h2 id="resume-heading">You have a session in progress</h2>
          <p>
            {resumable.role} · {resumable.difficulty} — question {resumable.currentPosition + 1} of{' '}
            {resumable.questionCount}, started {dateTime(resumable.createdAt)}. Your draft is saved.
          </p>
          <button
            type="button"
            className="primary"
            onClick={() => go({ name: 'room', sessionId: resumable.id })}
          >
            Resume session
          </button>
        </section>
      )}
      <SavedRecordings />
      {guide?.next && !resumable && <NextStepCard next={guide.next} />}
      <section className="card" aria-labelledby="start-heading">
        <h2 id="start-heading">Practise now</h2>
        <p className="muted">
          Questions for {profile?.targetRole} at {profile?.experienceLevel} level, one at a time, under a
          timer.
        </p>
        <button
          type="button"
          className={resumable || guide?.next ? '' : 'primary'}
          onClick={() => go({ name: 'setup' })}
        >
          Start a practice session
        </button>
      </section>
      <section className="card" aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent sessions</h2>
        {recent === null ? (
          <p role="status">Loading…</p>
        ) : recent.length === 0 ? (
          <p className="muted">No sessions yet. Your first one takes about ten minutes.</p>
        ) : (
          <ul>
            {recent.map((s) => (
              <li key={s.id}>
                {dateTime(s.createdAt)} — {s.role} · {s.difficulty} · {statusLabel[s.status]} (
                {s.answeredCount}/{s.questionCount})
              </li>
            ))}
          </ul>
        )}
        {recent && recent.length > 0 && (
          <button type="button" onClick={() => go({ name: 'history' })}>
            See all history
          </button>
        )}
      </section>
    </div>
  );
}
