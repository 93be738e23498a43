import { useCallback, useState } from 'react';

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
