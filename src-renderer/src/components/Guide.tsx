import { useState } from 'react';
import type { Guide, GuideStep, NextStep } from '../../../src-shared/guide';
import { call, messageOf } from '../api';
import { useApp, type Screen } from '../store';
import { useLoaded } from './loaded';

const STEP_TEXT: Record<GuideStep, { label: string; action: string }> = {
  profile: { label: 'Tell Rehearse who you are and the role you want', action: 'Check your profile' },
  resume: { label: 'Add your résumé, so questions ask about your own work', action: 'Add your résumé' },
  job: { label: 'Add a job posting, so practice leans toward its skills', action: 'Add a job posting' },
  session: { label: 'Practise: a first session takes about ten minutes', action: 'Start your first session' },
  report: { label: 'Review your first report and its feedback', action: 'Review your report' },
};

/** The guide as it is now, read again whenever a session changes (a finished one moves the next step). */
export function useGuide(): [Guide | undefined, (g: Guide) => void] {
  const [guide, setGuide] = useLoaded('guide.get', 'sessions.changed');
  return [guide, setGuide];
}

/** Home's first steps, each one click away, until they are all done or the candidate hides them. */
export function FirstSteps({ guide, onChange }: { guide: Guide; onChange(g: Guide): void }) {
  const { go, notify } = useApp();
  if (guide.dismissed || guide.steps.every((s) => s.done)) return null;
  const target = (step: GuideStep): Screen | null => {
    switch (step) {
      case 'profile':
        return { name: 'settings' };
      case 'resume':
        return { name: 'resume' };
      case 'job':
        return { name: 'jobs' };
      case 'session':
        return { name: 'setup' };
      case 'report':
        return guide.latestCompletedId ? { name: 'review', sessionId: guide.latestCompletedId } : null;
    }
  };
  const left = guide.steps.filter((s) => !s.done).length;
  return (
    <section className="card" aria-labelledby="first-steps-heading">
      <h2 id="first-steps-heading">Your first steps</h2>
      <p className="muted">
        {left} of {guide.steps.length} left. Each makes the practice more yours.
      </p>
      <ol className="checklist">
        {guide.steps.map((s) => {
          const screen = target(s.id);
          return (
            <li key={s.id} className={s.done ? 'done' : undefined}>
              <span aria-hidden="true" className="tick">
                {s.done ? '✓' : '○'}
              </span>
              <span>
                {STEP_TEXT[s.id].label}
                <span className="visually-hidden">{s.done ? ' (done)' : ' (to do)'}</span>
              </span>
              {!s.done && screen && (
                <button type="button" onClick={() => go(screen)}>
                  {STEP_TEXT[s.id].action}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() =>
          call('guide.dismiss', {}).then(onChange, (err: unknown) => notify('error', messageOf(err)))
        }
      >
        Hide these steps
      </button>
    </section>
  );
}

/** What to practise next, from the candidate's own results, with one button that sets it up. */
export function NextStepCard({ next }: { next: NextStep }) {
  const { go, notify } = useApp();
  const [busy, setBusy] = useState(false);
  async function start() {
    if (next.kind === 'retake' && next.sessionId) {
      setBusy(true);
      try {
        const session = await call('sessions.retake', { sessionId: next.sessionId });
        go({ name: 'room', sessionId: session.id });
      } catch (err) {
        notify('error', messageOf(err));
        setBusy(false);
      }
      return;
    }
    go({ name: 'setup', ...(next.setup ?? {}) });
  }
  return (
    <section className="card" aria-labelledby="next-step-heading">
      <h2 id="next-step-heading">Your next step: {next.title}</h2>
      <p>{next.reason}</p>
      <button type="button" className="primary" onClick={() => void start()} disabled={busy}>
        {next.action}
      </button>
    </section>
  );
}
