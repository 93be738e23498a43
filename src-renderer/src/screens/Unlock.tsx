import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { LOCKOUT_MS, vaultChannels, type VaultStatus } from '../../../src-shared/vault';
import { call, messageOf } from '../api';
import { EraseEverything, useTask } from '../components/DataSettings';
import { useApp } from '../store';

const time = (ms: number) =>
  new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * Shown instead of the whole app while the data is encrypted and not unlocked: nothing else is reachable,
 * and the service refuses everything else anyway. Wrong tries are counted by the service; after too many the
 * form stays disabled until the time it names.
 */
export function Unlock({ vault }: { vault: VaultStatus }) {
  const setVault = useApp((s) => s.setVault);
  const checkVault = useApp((s) => s.checkVault);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [unlocking, setUnlocking] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const until = vault.lockedUntil ? Date.parse(vault.lockedUntil) : 0;
  const paused = until > now;

  // The form reopens by itself when the pause is over, with the tries the service then allows.
  useEffect(() => {
    if (!paused) return;
    const timer = setTimeout(
      () => {
        setNow(Date.now());
        setError('');
        void checkVault();
      },
      until - Date.now() + 1000,
    );
    return () => clearTimeout(timer);
  }, [paused, until, checkVault]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (unlocking || paused) return;
    const parsed = vaultChannels['vault.unlock'].input.safeParse({ passphrase });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Enter your passphrase.');
      input.current?.focus();
      return;
    }
    setUnlocking(true);
    setError('');
    try {
      // The app's data is read before this screen goes, so the button says "Unlocking…" until then.
      await setVault(await call('vault.unlock', parsed.data));
    } catch (err) {
      setError(messageOf(err));
      setPassphrase('');
      setUnlocking(false);
      // The tries left and any pause are the service's to count: read them back rather than guess.
      await checkVault();
      input.current?.focus();
    }
  }

  const hint = paused
    ? error
      ? ''
      : `Too many wrong passphrases: unlocking is paused until ${time(until)}.`
    : vault.triesLeft > 0 && !error
      ? `${vault.triesLeft} ${vault.triesLeft === 1 ? 'try' : 'tries'} left before unlocking pauses for ${LOCKOUT_MS / 60_000} minutes.`
      : '';

  return (
    <div className="unlock stack">
      <h1>Rehearse is locked</h1>
      <p>Your data is encrypted with your passphrase. Enter it to open Rehearse.</p>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset disabled={paused}>
          <div className="field">
            <label htmlFor={`${id}-passphrase`}>Passphrase</label>
            <input
              ref={input}
              id={`${id}-passphrase`}
              type="password"
              autoComplete="current-password"
              autoFocus
              readOnly={unlocking}
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-error ${id}-hint`}
            />
            <p id={`${id}-error`} className="error-text" role="alert">
              {error}
            </p>
            <p id={`${id}-hint`} className="hint">
              {hint}
            </p>
          </div>
          <button type="submit" className="primary" disabled={unlocking}>
            {unlocking ? 'Unlocking…' : 'Unlock'}
          </button>
          <span role="status" className="visually-hidden">
            {unlocking ? 'Unlocking…' : ''}
          </span>
        </fieldset>
      </form>
      <Forgotten />
    </div>
  );
}

/** The one way on without the passphrase, said plainly and kept out of the way until asked for. */
function Forgotten() {
  const id = useId();
  const [open, setOpen] = useState(false);
  const { busy, run } = useTask();
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => setOpen(!open)}
        >
          Forgot your passphrase?
        </button>
      </h2>
      <div id={`${id}-panel`} hidden={!open}>
        <p>
          <strong>
            Without your passphrase your data cannot be read — not by you, and not by anyone else. There is no
            reset and no way to recover it.
          </strong>
        </p>
        <p>
          The only way to go on is to delete everything on this computer and start again. If you have an
          export of your data, you can import it afterwards.
        </p>
        <p aria-live="polite" className="hint">
          {busy}
        </p>
        <EraseEverything busy={busy} run={run} />
      </div>
    </section>
  );
}
