import { useEffect, useId, useState } from 'react';
import type { UpdateStatus } from '../../../src-shared/updates';
import { call, messageOf, on } from '../api';
import { dateTime } from '../format';
import { useApp } from '../store';

/**
 * Settings → Updates. Off until the candidate turns checking on; a found update downloads only when they click,
 * and installs (restarting the app) only when they click again.
 */
export function UpdateSettings() {
  const { notify } = useApp();
  const id = useId();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('updates.status', {}).then(setStatus, (err: unknown) => notify('error', messageOf(err)));
    return on('updates.changed', setStatus);
  }, [notify]);

  async function act(work: () => Promise<UpdateStatus>) {
    setBusy(true);
    try {
      setStatus(await work());
    } catch (err) {
      notify('error', messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const state = status?.state;
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Updates</h2>
      {!status || !state ? (
        <p role="status">Loading…</p>
      ) : state.status === 'unavailable' ? (
        <p>{state.reason}</p>
      ) : (
        <>
          <label className="row">
            <input
              type="checkbox"
              checked={status.allowed}
              disabled={busy}
              onChange={(e) => void act(() => call('updates.allow', { allowed: e.target.checked }))}
            />
            Check for new versions of Rehearse (at start and twice a day)
          </label>
          <p className="muted">
            Checking asks the release feed for its latest version number, nothing else. Nothing is downloaded
            or installed until you click, and a download is installed only if it matches the checksum its
            release published.
          </p>
          <p role="status">
            {state.status === 'off' && `Off. You have Rehearse ${status.current}.`}
            {(state.status === 'idle' || state.status === 'checking') && 'Checking for updates…'}
            {state.status === 'up-to-date' &&
              `Rehearse ${state.version} is the latest version (checked ${dateTime(state.checkedAt)}).`}
            {state.status === 'available' &&
              `Rehearse ${state.version} is available; you have ${status.current}.`}
            {state.status === 'downloading' && `Downloading Rehearse ${state.version}: ${state.percent}%.`}
            {state.status === 'ready' &&
              `Rehearse ${state.version} is downloaded and verified. It installs when you restart with the button below.`}
            {state.status === 'error' && state.message}
          </p>
          {state.status === 'available' && state.notes && (
            <p className="muted" style={{ whiteSpace: 'pre-line' }}>
              {state.notes}
            </p>
          )}
          {state.status === 'downloading' && (
            <progress max={100} value={state.percent} aria-label={`Downloading Rehearse ${state.version}`} />
          )}
          <div className="row">
            {state.status === 'available' && (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void act(() => call('updates.download', {}))}
              >
                Download Rehearse {state.version}
              </button>
            )}
            {state.status === 'ready' && (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void act(() => call('updates.install', {}))}
              >
                Restart and install
              </button>
            )}
            {status.allowed && ['up-to-date', 'error', 'idle'].includes(state.status) && (
              <button type="button" disabled={busy} onClick={() => void act(() => call('updates.check', {}))}>
                Check now
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
