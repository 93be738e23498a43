import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ChannelInput } from '../../../src-shared/contract';
import { PASSPHRASE_RULES, vaultChannels, type VaultStatus } from '../../../src-shared/vault';
import { call, fieldOf, messageOf, RehearseError } from '../api';
import { useApp } from '../store';
import { exportAllData, useTask, type Run } from './DataSettings';
import { Field, firstErrors, useFieldErrors } from './form';

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

type VaultChange = 'vault.enable' | 'vault.change' | 'vault.disable';

/**
 * The three passphrase forms submit the same way: check with the contract's schema, run with the section's
 * busy line, take the new status, clear the fields and say what happened; a refusal goes next to its field.
 */
function useVaultForm(
  channel: VaultChange,
  run: Run,
  how: { busy: string; wrongField: string; done: string },
) {
  const notify = useApp((s) => s.notify);
  const setVault = useApp((s) => s.setVault);
  const id = useId();
  const fields = useFieldErrors(id);
  function submit(input: unknown, reset: () => void) {
    const parsed = vaultChannels[channel].input.safeParse(input);
    if (!parsed.success) {
      fields.show(firstErrors(parsed.error.issues));
      return;
    }
    fields.clear();
    void run(how.busy, async () => {
      try {
        const status = await call(channel, parsed.data as ChannelInput<VaultChange>);
        reset();
        await setVault(status);
        notify('success', how.done);
      } catch (err) {
        fields.show(fieldErrorOf(err, how.wrongField));
      }
    });
  }
  return { id, fields, submit };
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
  const { id, fields, submit } = useVaultForm('vault.enable', run, {
    busy: BUSY.enable,
    wrongField: 'passphrase',
    done: 'Your passphrase is on and your data is encrypted. Rehearse asks for it when it starts.',
  });
  const [value, setValue] = useState({ passphrase: '', confirm: '' });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(value, () => setValue({ passphrase: '', confirm: '' }));
  };

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
      <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
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
  const { id, fields, submit } = useVaultForm('vault.change', run, {
    busy: BUSY.change,
    wrongField: 'current',
    done: 'Your passphrase is changed and your data is encrypted under the new one.',
  });
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState({ passphrase: '', confirm: '' });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit({ current, ...value }, () => {
      setCurrent('');
      setValue({ passphrase: '', confirm: '' });
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} className="entry">
      <h3 id={`${id}-title`}>Change your passphrase</h3>
      <PassphraseField
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
  const { id, fields, submit } = useVaultForm('vault.disable', run, {
    busy: BUSY.disable,
    wrongField: 'passphrase',
    done: 'Your passphrase is off: your data is stored without encryption again.',
  });
  const [passphrase, setPassphrase] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit({ passphrase }, () => setPassphrase(''));
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} className="entry">
      <h3 id={`${id}-title`}>Turn off the passphrase</h3>
      <p className="hint" id={`${id}-what`}>
        Your data is decrypted and stored on this computer without encryption, and Rehearse stops asking for a
        passphrase.
      </p>
      <PassphraseField
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

/**
 * One password input with its label and error. A passphrase the candidate already has may be filled in by the
 * browser ("current-password"); a new one carries the rules checklist as its hint.
 */
function PassphraseField(props: {
  field: string;
  label: string;
  value: string;
  onChange(value: string): void;
  fields: FieldErrors;
  autoComplete?: 'current-password' | 'new-password';
  hintId?: string;
  children?: ReactNode;
}) {
  return (
    <Field
      {...props.fields.fieldProps(props.field)}
      label={props.label}
      hintIds={props.hintId}
      after={props.children}
    >
      {(control) => (
        <input
          type="password"
          autoComplete={props.autoComplete ?? 'current-password'}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          {...control}
        />
      )}
    </Field>
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
      <PassphraseField
        field="passphrase"
        label={label}
        value={value.passphrase}
        onChange={(passphrase) => onChange({ ...value, passphrase })}
        fields={fields}
        autoComplete="new-password"
        hintId={`${formId}-rules`}
      >
        <PassphraseChecklist id={`${formId}-rules`} passphrase={value.passphrase} />
      </PassphraseField>
      <PassphraseField
        field="confirm"
        label="Type it again"
        value={value.confirm}
        onChange={(confirm) => onChange({ ...value, confirm })}
        fields={fields}
        autoComplete="new-password"
      />
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
