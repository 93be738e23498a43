import { useEffect, useId, useState } from 'react';
import { call, messageOf, on } from '../api';
import { useApp } from '../store';

/** How often the renderer asks whether a streak reminder is due. */
const REMINDER_POLL_MS = 5 * 60_000;

/**
 * Progress news anywhere in the app: a toast for each achievement when it is earned, and the streak reminder.
 * In the desktop app the shell shows the reminder as a native notification; in the browser it is this banner.
 */
export function ProgressWatch() {
  const { notify, go, info } = useApp();
  const [reminder, setReminder] = useState<string | null>(null);

  useEffect(() => {
    const news = () =>
      call('progress.news', {}).then(
        (earned) => {
          for (const a of earned) notify('success', `Achievement earned: ${a.title}. ${a.description}`);
        },
        () => undefined,
      );
    void news();
    return on('sessions.changed', (e) => {
      if (e.status === 'completed') void news();
    });
  }, [notify]);

  useEffect(() => {
    const ask = () =>
      call('progress.reminder', {}).then(
        (r) => {
          if (r.due && info?.host !== 'electron') setReminder(r.message);
        },
        () => undefined,
      );
    void ask();
    const timer = setInterval(() => void ask(), REMINDER_POLL_MS);
    return () => clearInterval(timer);
  }, [info?.host]);

  if (!reminder) return null;
  return (
    <section className="card" aria-label="Streak reminder" style={{ marginBottom: '1rem' }}>
      <p role="status" style={{ marginTop: 0 }}>
        <strong>Keep your streak going.</strong> {reminder}
      </p>
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={() => {
            setReminder(null);
            go({ name: 'setup' });
          }}
        >
          Practise now
        </button>
        <button type="button" onClick={() => setReminder(null)}>
          Dismiss reminder
        </button>
      </div>
    </section>
  );
}

/** The reminder's off switch, in Settings. */
export function ReminderSettings() {
  const notify = useApp((s) => s.notify);
  const id = useId();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => {
    call('progress.settings.get', {}).then(
      (s) => setEnabled(s.remindersEnabled),
      (err: unknown) => notify('error', messageOf(err)),
    );
  }, [notify]);
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Reminders</h2>
      <label className="choice">
        <input
          type="checkbox"
          checked={enabled ?? false}
          disabled={enabled === null}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const next = e.target.checked;
            setEnabled(next);
            call('progress.settings.save', { remindersEnabled: next }).then(
              (s) =>
                notify(
                  'success',
                  s.remindersEnabled ? 'Streak reminders are on.' : 'Streak reminders are off.',
                ),
              (err: unknown) => {
                setEnabled(!next);
                notify('error', messageOf(err));
              },
            );
          }}
        />
        Remind me to keep my practice streak
      </label>
      <p className="hint" id={`${id}-hint`}>
        At most once a day, when you have a streak going and have not practised for 20 hours: a notification
        in the desktop app, a banner in the browser.
      </p>
    </section>
  );
}
