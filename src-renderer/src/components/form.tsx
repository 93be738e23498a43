import { useCallback, useState, type CSSProperties, type ReactNode } from 'react';
import type { z } from 'zod';
import { CATEGORIES, type Category } from '../../../src-shared/domain';
import type { Job } from '../../../src-shared/jobs';
import { fieldOf, messageOf } from '../api';
import { categoryLabel } from '../format';

/** An aria-describedby value: the ids that explain a control, hints before its error, or none at all. */
const idList = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="error-text" id={id}>
      {message}
    </p>
  ) : null;
}

/**
 * Field-level errors for a form whose controls have ids `${formId}-${field}`: each message sits under its
 * control, is referenced by aria-describedby, and the first invalid control takes focus.
 */
export function useFieldErrors(formId: string) {
  const [errors, setErrors] = useState<Record<string, string>>({});

  const show = useCallback(
    (next: Record<string, string>) => {
      setErrors(next);
      const first = Object.keys(next)[0];
      if (first) document.getElementById(`${formId}-${first}`)?.focus();
    },
    [formId],
  );

  const describedBy = (field: string, hint?: string) =>
    idList(hint, !!errors[field] && `${formId}-${field}-error`);

  const errorText = (field: string) => <ErrorText id={`${formId}-${field}-error`} message={errors[field]} />;

  /** A Field's id and error for one of this form's fields. */
  const fieldProps = (name: string) => ({ id: `${formId}-${name}`, error: errors[name] });

  return { errors, show, clear: () => setErrors({}), describedBy, errorText, fieldProps };
}

/**
 * A form that checks its input with the contract's schema, then acts on what the schema made of it. A refusal,
 * the schema's or the host's, shows under the field it names (see useFieldErrors), or as the form's error
 * when it names none; `busy` holds while the action runs.
 */
export function useFormSend(formId: string) {
  const fields = useFieldErrors(formId);
  const { show, clear } = fields;
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState('');

  async function send<S extends z.ZodType>(
    schema: S,
    input: unknown,
    action: (data: z.output<S>) => Promise<void>,
  ): Promise<void> {
    setFormError('');
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      show(firstErrors(parsed.error.issues));
      return;
    }
    clear();
    setBusy(true);
    try {
      await action(parsed.data);
    } catch (err) {
      const field = fieldOf(err);
      if (field) show({ [field]: messageOf(err) });
      else setFormError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return { ...fields, busy, formError, send };
}

/** What a Field hands its control: the id its label points at, and what explains it. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** What explains a control: its hint (`${id}-hint`) and its error (`${id}-error`), in that order, under it. */
function explanation(id: string, hint: ReactNode, error: string | undefined, hintIds?: string) {
  return {
    describedBy: idList(hintIds, hint !== undefined && `${id}-hint`, error && `${id}-error`),
    below: (
      <>
        {hint !== undefined && (
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
        <ErrorText id={`${id}-error`} message={error} />
      </>
    ),
  };
}

/**
 * A labelled control with its hint and then its error under it. The control is described by both and marked
 * invalid while the error shows; the error's id, `${id}-error`, is the one useFieldErrors refers to.
 */
export function Field(props: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The ids of hints standing elsewhere that explain this control too. */
  hintIds?: string;
  error?: string;
  style?: CSSProperties;
  children(control: ControlProps): ReactNode;
  /** What follows the error, such as a button that works on the field. */
  after?: ReactNode;
}) {
  const { id, error } = props;
  const { describedBy, below } = explanation(id, props.hint, error, props.hintIds);
  return (
    <div className="field" style={props.style}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {below}
      {props.after}
    </div>
  );
}

/** The first message per field from a list of zod-like issues. */
export function firstErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

/**
 * A labelled group of radio buttons with its hint and error under it, explained the way Field explains a
 * control; the legend takes the id and is focusable, so an error can move focus to the group.
 */
export function RadioChoices<T extends string>(props: {
  id: string;
  legend: string;
  /** The buttons' group name; `${id}-choice` unless given. */
  name?: string;
  options: readonly T[];
  value: NoInfer<T> | '';
  onChange(value: NoInfer<T>): void;
  hint?: ReactNode;
  error?: string;
  /** What each option reads as, when it differs from its value. */
  labels?: Partial<Record<T, string>>;
}) {
  const { describedBy, below } = explanation(props.id, props.hint, props.error);
  return (
    <fieldset className="field" aria-describedby={describedBy}>
      <legend id={props.id} tabIndex={-1}>
        {props.legend}
      </legend>
      <div className="choices">
        {props.options.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name={props.name ?? `${props.id}-choice`}
              value={option}
              checked={props.value === option}
              onChange={() => props.onChange(option)}
            />
            {props.labels?.[option] ?? option}
          </label>
        ))}
      </div>
      {below}
    </fieldset>
  );
}

/** A tick box for each question type; ticking one adds it to the chosen list, unticking takes it out. */
export function CategoryChecks({
  value,
  onChange,
}: {
  value: readonly Category[];
  onChange(next: Category[]): void;
}) {
  return (
    <div className="choices">
      {CATEGORIES.map((c) => (
        <label key={c} className="choice">
          <input
            type="checkbox"
            checked={value.includes(c)}
            onChange={(e) => onChange(e.target.checked ? [...value, c] : value.filter((x) => x !== c))}
          />
          {categoryLabel(c)}
        </label>
      ))}
    </div>
  );
}

/** A select's options: the empty choice when `none` names it, then each value, read as `label` words it. */
export function Options<T extends string>(props: {
  values: readonly T[];
  none?: string;
  label?: (value: T) => ReactNode;
}) {
  return (
    <>
      {props.none !== undefined && <option value="">{props.none}</option>}
      {props.values.map((v) => (
        <option key={v} value={v}>
          {props.label ? props.label(v) : v}
        </option>
      ))}
    </>
  );
}

/** A job posting select's options: the empty choice (`none`), then each posting as "Title — Company". */
export function JobOptions({ jobs, none }: { jobs: readonly Job[]; none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {jobs.map((j) => (
        <option key={j.id} value={j.id}>
          {j.company ? `${j.title} — ${j.company}` : j.title}
        </option>
      ))}
    </>
  );
}

/** A form's error that belongs to no one field, announced when it appears. */
export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="error-text" role="alert">
      {message}
    </p>
  ) : null;
}

/** The save and cancel buttons that end an edit form; save says "Saving…" while it runs. */
export function SaveOrCancel({ busy, label, onCancel }: { busy: boolean; label: string; onCancel(): void }) {
  return (
    <div className="row">
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : label}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
