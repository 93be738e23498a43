import { useId, useState, type FormEvent } from 'react';
import { PASSPHRASE_RULES, vaultChannels, type VaultStatus } from '../../../src-shared/vault';
import { call, fieldOf, messageOf, RehearseError } from '../api';
import { useApp } from '../store';
import { exportAllData, useTask, type Run } from './DataSettings';
import { firstErrors, useFieldErrors } from './form';

/** What a passphrase protects, as the issue promised it to the candidate. */
const ENCRYPTED =
  'your résumé files and résumé text, job descriptions, your answers and the feedback on them';

const BUSY = {
  export: 'Exporting…',
  enable: 'Turning on your passphrase and encrypting your data…',
  lock: 'Locking…',
  change: 'Changing your passphrase and re-encrypting your data…',
  disable: 'Turning off your passphrase and decrypting your data…',
} as const;

type FieldErrors = ReturnType<typeof useFieldErrors>;

/**
 * A refused passphrase goes next to the field it is about: a validation error names its field, a wrong
 * passphrase belongs to `wrongField`. Anything else is not about a field and becomes a notice.
 */
function fieldErrorOf(err: unknown, wrongField: string): Record<string, string> {
  const field =
    fieldOf(err) ??
    (err instanceof RehearseError && err.code === 'WRONG_PASSPHRASE' ? wrongField : undefined);
  if (!field) throw err;
  return { [field]: messageOf(err) };
}

/**
 * Settings → Passphrase: off by default. Turning it on encrypts the private fields at rest and makes the app
 * open to an unlock screen; the screen says plainly, before anything else, that a forgotten passphrase cannot
 * be reset, and offers an export first.
 */
export function PassphraseSettings() {
  const vault = useApp((s) => s.vault);
  const id = useId();
  const { busy, run } = useTask();
  if (!vault) return null;
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Passphrase</h2>
      <p aria-live="polite" className="hint">
        {busy}
      </p>
      {vault.enabled ? (
        <PassphraseOn vault={vault} busy={busy} run={run} />
      ) : (
        <PassphraseOff busy={busy} run={run} />
      )}
    </section>
  );
}

function PassphraseOff({ busy, run }: { busy: string; run: Run }) {
  const notify = useApp((s) => s.notify);
  const setVault = useApp((s) => s.setVault);
  const id = useId();
  const fields = useFieldErrors(id);
  const [value, setValue] = useState({ passphrase: '', confirm: '' });

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = vaultChannels['vault.enable'].input.safeParse(value);
    if (!parsed.success) {
      fields.show(firstErrors(parsed.error.issues));
      return;
    }
    fields.clear();
    void run(BUSY.enable, async () => {
      try {
        const status = await call('vault.enable', parsed.data);
        setValue({ passphrase: '', confirm: '' });
        await setVault(status);
        notify(
          'success',
          'Your passphrase is on and your data is encrypted. Rehearse asks for it when it starts.',
        );
      } catch (err) {
        fields.show(fieldErrorOf(err, 'passphrase'));
      }
    });
  }

  return (
    <>
      <p>
        <strong>Off.</strong> With a passphrase, {ENCRYPTED} are encrypted on this computer (AES-256-GCM), and
        Rehearse opens to a lock screen that asks for the passphrase each time it starts.
      </p>
      <p>
        Turning it on also deletes your older automatic backups, which are not encrypted, and makes a fresh
        encrypted backup.
      </p>
      <div className="warning-box" id={`${id}-warning`}>
        <p>
          <strong>
            If you forget your passphrase, your data cannot be read — not by you, and not by anyone else.
            There is no reset.
          </strong>
        </p>
        <p>Export a copy of your data first and keep it somewhere safe: the export is not encrypted.</p>
        <button
          type="button"
          disabled={busy !== ''}
          onClick={() => void run(BUSY.export, () => exportAllData(notify))}
        >
          Export a copy first
        </button>
      </div>
      <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>Turn on a passphrase</h3>
        <NewPassphraseFields
          formId={id}
          label="Passphrase"
          value={value}
          onChange={setValue}
          fields={fields}
        />
        <button type="submit" className="primary" disabled={busy !== ''} aria-describedby={`${id}-warning`}>
          {busy === BUSY.enable ? 'Turning on…' : 'Turn on passphrase'}
        </button>
      </form>
    </>
  );
}

function PassphraseOn({ vault, busy, run }: { vault: VaultStatus; busy: string; run: Run }) {
  const setVault = useApp((s) => s.setVault);
  const id = useId();
  return (
    <>
      <p>
        <strong>On.</strong> {ENCRYPTED[0]!.toUpperCase() + ENCRYPTED.slice(1)} are encrypted on this computer
        (AES-256-GCM) with a key made from your passphrase by {vault.kdf}.
      </p>
      <p className="hint" id={`${id}-lock`}>
        Locking forgets the key: nothing is shown again until the passphrase is entered.
      </p>
      <button
        type="button"
        disabled={busy !== ''}
        aria-describedby={`${id}-lock`}
        onClick={() => void run(BUSY.lock, async () => setVault(await call('vault.lock', {})))}
      >
        Lock now
      </button>
      <ChangePassphrase busy={busy} run={run} />
      <TurnOff busy={busy} run={run} />
    </>
  );
}

function ChangePassphrase({ busy, run }: { busy: string; run: Run }) {
  const notify = useApp((s) => s.notify);
  const setVault = useApp((s) => s.setVault);
  const id = useId();
  const fields = useFieldErrors(id);
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState({ passphrase: '', confirm: '' });

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = vaultChannels['vault.change'].input.safeParse({ current, ...value });
    if (!parsed.success) {
      fields.show(firstErrors(parsed.error.issues));
      return;
    }
    fields.clear();
    void run(BUSY.change, async () => {
      try {
        const status = await call('vault.change', parsed.data);
        setCurrent('');
        setValue({ passphrase: '', confirm: '' });
        await setVault(status);
        notify('success', 'Your passphrase is changed and your data is encrypted under the new one.');
      } catch (err) {
        fields.show(fieldErrorOf(err, 'current'));
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="entry">
      <h3 id={`${id}-title`}>Change your passphrase</h3>
      <PassphraseField
        formId={id}
        field="current"
        label="Current passphrase"
        value={current}
        onChange={setCurrent}
        fields={fields}
      />
      <NewPassphraseFields
        formId={id}
        label="New passphrase"
        value={value}
        onChange={setValue}
        fields={fields}
      />
      <button type="submit" className="primary" disabled={busy !== ''}>
        {busy === BUSY.change ? 'Changing…' : 'Change passphrase'}
      </button>
    </form>
  );
}

function TurnOff({ busy, run }: { busy: string; run: Run }) {
  const notify = useApp((s) => s.notify);
  const setVault = useApp((s) => s.setVault);
  const id = useId();
  const fields = useFieldErrors(id);
  const [passphrase, setPassphrase] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = vaultChannels['vault.disable'].input.safeParse({ passphrase });
    if (!parsed.success) {
      fields.show(firstErrors(parsed.error.issues));
      return;
    }
    fields.clear();
    void run(BUSY.disable, async () => {
      try {
        const status = await call('vault.disable', parsed.data);
        setPassphrase('');
        await setVault(status);
        notify('success', 'Your passphrase is off: your data is stored without encryption again.');
      } catch (err) {
        fields.show(fieldErrorOf(err, 'passphrase'));
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="entry">
      <h3 id={`${id}-title`}>Turn off the passphrase</h3>
      <p className="hint" id={`${id}-what`}>
        Your data is decrypted and stored on this computer without encryption, and Rehearse stops asking for a
        passphrase.
      </p>
      <PassphraseField
        formId={id}
        field="passphrase"
        label="Your passphrase"
        value={passphrase}
        onChange={setPassphrase}
        fields={fields}
      />
      <button type="submit" disabled={busy !== ''} aria-describedby={`${id}-what`}>
        {busy === BUSY.disable ? 'Turning off…' : 'Turn off passphrase'}
      </button>
    </form>
  );
}

/** A passphrase the candidate already has: no checklist, and the browser may fill it in. */
function PassphraseField(props: {
  formId: string;
  field: string;
  label: string;
  value: string;
  onChange(value: string): void;
  fields: FieldErrors;
}) {
  const { formId, field, fields } = props;
  return (
    <div className="field">
      <label htmlFor={`${formId}-${field}`}>{props.label}</label>
      <input
        id={`${formId}-${field}`}
        type="password"
        autoComplete="current-password"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={fields.errors[field] ? true : undefined}
        aria-describedby={fields.describedBy(field)}
      />
      {fields.errorText(field)}
    </div>
  );
}

/** A new passphrase and the same again, with the rules checked as it is typed. */
function NewPassphraseFields({
  formId,
  label,
  value,
  onChange,
  fields,
}: {
  formId: string;
  label: string;
  value: { passphrase: string; confirm: string };
  onChange(value: { passphrase: string; confirm: string }): void;
  fields: FieldErrors;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${formId}-passphrase`}>{label}</label>
        <input
          id={`${formId}-passphrase`}
          type="password"
          autoComplete="new-password"
          value={value.passphrase}
          onChange={(e) => onChange({ ...value, passphrase: e.target.value })}
          aria-invalid={fields.errors.passphrase ? true : undefined}
          aria-describedby={fields.describedBy('passphrase', `${formId}-rules`)}
        />
        {fields.errorText('passphrase')}
        <PassphraseChecklist id={`${formId}-rules`} passphrase={value.passphrase} />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-confirm`}>Type it again</label>
        <input
          id={`${formId}-confirm`}
          type="password"
          autoComplete="new-password"
          value={value.confirm}
          onChange={(e) => onChange({ ...value, confirm: e.target.value })}
          aria-invalid={fields.errors.confirm ? true : undefined}
          aria-describedby={fields.describedBy('confirm')}
        />
        {fields.errorText('confirm')}
      </div>
    </>
  );
}

/**
 * The five rules, each marked met or not in words as well as a mark and colour. Each item is its own atomic
 * piece of a polite live region, so a screen reader hears just the rule that changed ("Met: a digit").
 */
function PassphraseChecklist({ id, passphrase }: { id: string; passphrase: string }) {
  return (
    <div id={id} className="hint">
      <p className="rules-title">Your passphrase needs:</p>
      <ul className="rules" aria-live="polite">
        {PASSPHRASE_RULES.map((rule) => {
          const met = rule.met(passphrase);
          return (
            <li key={rule.id} className={met ? 'met' : undefined} aria-atomic="true">
              <span aria-hidden="true" className="rule-mark">
                {met ? '✓' : '○'}
              </span>
              <span className="visually-hidden">{met ? 'Met: ' : 'Not met: '}</span>
              {rule.label}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
