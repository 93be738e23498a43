import { useCallback, useState } from 'react';
import type { Job } from '../../../src-shared/jobs';

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
    [hint, errors[field] ? `${formId}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  const errorText = (field: string) =>
    errors[field] ? (
      <p className="error-text" id={`${formId}-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;

  return { errors, show, clear: () => setErrors({}), describedBy, errorText };
}

/** The first message per field from a list of zod-like issues. */
export function firstErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

/** A labelled group of radio buttons; the legend is focusable so an error can move focus to the group. */
export function RadioChoices<T extends string>(props: {
  id: string;
  legend: string;
  name: string;
  options: readonly T[];
  value: NoInfer<T> | '';
  onChange(value: NoInfer<T>): void;
  describedBy?: string;
  /** What each option reads as, when it differs from its value. */
  labels?: Partial<Record<T, string>>;
  children?: React.ReactNode;
}) {
  return (
    <fieldset className="field" aria-describedby={props.describedBy}>
      <legend id={props.id} tabIndex={-1}>
        {props.legend}
      </legend>
      <div className="choices">
        {props.options.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name={props.name}
              value={option}
              checked={props.value === option}
              onChange={() => props.onChange(option)}
            />
            {props.labels?.[option] ?? option}
          </label>
        ))}
      </div>
      {props.children}
    </fieldset>
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
