import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { DEFAULT_SYNC_SERVER, type SyncPreview, type SyncStatus } from '../../../src-shared/sync';
import { call, fieldOf, messageOf } from '../api';
import { dateTime, plural } from '../format';
import { useApp } from '../store';
import { Field } from './form';

/**
 * Settings → Leaderboard sync. Off by default. Before it is turned on the candidate sees exactly what would be
 * sent (a real example from their latest completed session, as JSON) and the server's address.
 */
export function SyncSettings() {
  const { notify, go } = useApp();
  const id = useId();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [preview, setPreview] = useState<SyncPreview | null>(null);
  const [serverUrl, setServerUrl] = useState(DEFAULT_SYNC_SERVER);
  const [isPublic, setIsPublic] = useState(true);
  const [choosing, setChoosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [urlError, setUrlError] = useState<string | null>(null);

  const refresh = useCallback(
    () =>
      Promise.all([call('sync.status', {}), call('sync.preview', {})]).then(
        ([s, p]) => {
          setStatus(s);
          setPreview(p);
          setServerUrl(s.serverUrl);
          setIsPublic(s.public);
        },
        (err: unknown) => notify('error', messageOf(err)),
      ),
    [notify],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function act(work: () => Promise<void>) {
    setBusy(true);
    try {
      await work();
    } catch (err) {
      if (fieldOf(err) === 'serverUrl') setUrlError(messageOf(err));
      else notify('error', messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const turnOn = (e: FormEvent) => {
    e.preventDefault();
    setUrlError(null);
    void act(async () => {
      const s = await call('sync.enable', { serverUrl, public: isPublic });
      setStatus(s);
      setChoosing(false);
      notify(
        'success',
        s.lastError
          ? `Leaderboard sync is on. ${s.lastError} Rehearse will keep trying.`
          : 'Leaderboard sync is on.',
      );
    });
  };

  const turnOff = () =>
    act(async () => {
      const r = await call('sync.disable', {});
      setStatus(r.status);
      notify(
        'success',
        r.pending
          ? 'Leaderboard sync is off. The server cannot be reached right now, so your data there will be deleted as soon as it can be.'
          : 'Leaderboard sync is off, and your data on the server was deleted.',
      );
    });

  const setVisibility = (value: boolean) =>
    act(async () => {
      setIsPublic(value);
      setStatus(await call('sync.setPublic', { public: value }));
    });

  const syncNow = () => act(async () => setStatus(await call('sync.now', {})));

  const example = preview?.example ? JSON.stringify({ sessions: [preview.example] }, null, 2) : null;

  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Leaderboard sync</h2>
      {status === null ? (
        <p role="status">Loading…</p>
      ) : status.enabled ? (
        <>
          <p role="status">
            On. This computer appears as <strong>{status.device?.alias ?? '(registering…)'}</strong> on{' '}
            <code>{status.serverUrl}</code>.{' '}
            {status.outbox.queued > 0
              ? `${plural(status.outbox.queued, 'session')} waiting to be sent.`
              : 'Everything is sent.'}
            {status.lastPushAt && ` Last sent ${dateTime(status.lastPushAt)}.`}
          </p>
          {status.lastError && (
            <p className="muted">
              {status.lastError}
              {status.outbox.nextAttemptAt && ` Next try ${dateTime(status.outbox.nextAttemptAt)}.`}
            </p>
          )}
          <label className="row">
            <input
              type="checkbox"
              checked={status.public}
              disabled={busy}
              onChange={(e) => void setVisibility(e.target.checked)}
            />
            Show me on the public leaderboard (your percentile is shown to you either way)
          </label>
          <div className="row">
            <button type="button" onClick={() => go({ name: 'leaderboard' })}>
              Open the leaderboard
            </button>
            <button type="button" onClick={() => void syncNow()} disabled={busy}>
              Sync now
            </button>
            <button type="button" className="danger" onClick={() => void turnOff()} disabled={busy}>
              Turn off and delete my data on the server
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            Off. Turn it on to compare your scores with other candidates’ on an anonymous leaderboard.
            {status.pendingErase &&
              ' Your data on the server is still to be deleted: Rehearse retries until the server can be reached.'}
          </p>
          {!choosing ? (
            <div>
              <button type="button" onClick={() => setChoosing(true)}>
                Set up leaderboard sync…
              </button>
            </div>
          ) : (
            <form className="stack" onSubmit={turnOn} aria-labelledby={`${id}-heading`}>
              <Field
                id={`${id}-url`}
                label="Leaderboard server address"
                hint="Your team’s server address setting (the default is a server on this computer)."
                error={urlError ?? undefined}
              >
                {(control) => (
                  <input
                    type="url"
                    value={serverUrl}
                    onChange={(e) => setServerUrl(e.target.value)}
                    {...control}
                  />
                )}
              </Field>
              <label className="row">
                <input type="checkbox" checked={isPublic} onChange={(e) => setIsPublic(e.target.checked)} />
                Show me on the public leaderboard (under a random alias; your percentile is shown to you
                either way)
              </label>
              <h3 id={`${id}-sent`}>Exactly what will be sent for each finished session</h3>
              {example ? (
                <pre
                  aria-labelledby={`${id}-sent`}
                  tabIndex={0}
                  data-testid="sync-example"
                  style={{ overflowX: 'auto' }}
                >
                  {example}
                </pre>
              ) : (
                <p className="muted">
                  Finish a practice session to see a real example. Each session sends:{' '}
                  {preview?.sent.join(', ')}.
                </p>
              )}
              <p className="muted">
                Only sessions for a listed role with at least one scored answer are sent. Never sent:{' '}
                {preview?.neverSent.join(', ')}. Turning sync off deletes everything this computer sent.
              </p>
              <div className="row">
                <button type="submit" className="primary" disabled={busy}>
                  Turn on leaderboard sync
                </button>
                <button type="button" onClick={() => setChoosing(false)} disabled={busy}>
                  Cancel
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </section>
  );
}
