import { useId, useState, type FormEvent } from 'react';
import {
  EXPERIENCE_LEVELS,
  type ExperienceLevel,
  type Profile,
  ProfileInput,
} from '../../../src-shared/domain';
import { call, fieldOf, messageOf } from '../api';
import { useApp } from '../store';

const OTHER = '__other__';

/** Name, target role (a common role or the candidate's own words) and level: onboarding and Settings share it. */
export function ProfileForm({
  initial,
  submitLabel,
  onSaved,
}: {
  initial: Profile | null;
  submitLabel: string;
  onSaved(p: Profile): void;
}) {
  const roles = useApp((s) => s.catalog?.roles ?? []);
  const id = useId();
  const initialRole = initial?.targetRole ?? '';
  const [name, setName] = useState(initial?.name ?? '');
  const [roleChoice, setRoleChoice] = useState(
    initialRole === '' ? '' : roles.includes(initialRole) ? initialRole : OTHER,
  );
  const [customRole, setCustomRole] = useState(roles.includes(initialRole) ? '' : initialRole);
  const [level, setLevel] = useState<ExperienceLevel | ''>(initial?.experienceLevel ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [saving, setSaving] = useState(false);

  const targetRole = roleChoice === OTHER ? customRole : roleChoice;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError('');
    const candidate = { name, targetRole, experienceLevel: level };
    const local = ProfileInput.safeParse(candidate);
    if (!local.success) {
      const next: Record<string, string> = {};
      for (const issue of local.error.issues) {
        const field = String(issue.path[0]);
        next[field] ??= issue.message;
      }
      setErrors(next);
      document.getElementById(`${id}-${Object.keys(next)[0]}`)?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      onSaved(await call('profile.save', local.data));
    } catch (err) {
      const field = fieldOf(err);
      if (field) setErrors({ [field]: messageOf(err) });
      else setFormError(messageOf(err));
    } finally {
      setSaving(false);
    }
  }

  const describe = (field: string) => (errors[field] ? `${id}-${field}-error` : undefined);
  const errorText = (field: string) =>
    errors[field] ? (
      <p className="error-text" id={`${id}-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;

  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>Your name</label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describe('name')}
        />
        {errorText('name')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-targetRole`}>Target role</label>
        <select
          id={`${id}-targetRole`}
          value={roleChoice}
          onChange={(e) => setRoleChoice(e.target.value)}
          aria-invalid={errors.targetRole && roleChoice !== OTHER ? true : undefined}
          aria-describedby={roleChoice !== OTHER ? describe('targetRole') : undefined}
        >
          <option value="">Choose a role…</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
          <option value={OTHER}>Another role (type it)</option>
        </select>
        {roleChoice === OTHER && (
          <div className="field" style={{ marginTop: '0.75rem' }}>
            <label htmlFor={`${id}-customRole`}>Your role</label>
            <input
              id={`${id}-customRole`}
              type="text"
              value={customRole}
              onChange={(e) => setCustomRole(e.target.value)}
              aria-invalid={errors.targetRole ? true : undefined}
              aria-describedby={describe('targetRole')}
            />
          </div>
        )}
        {errorText('targetRole')}
      </div>
      <fieldset className="field" aria-describedby={describe('experienceLevel')}>
        <legend id={`${id}-experienceLevel`} tabIndex={-1}>
          Experience level
        </legend>
        <div className="choices">
          {EXPERIENCE_LEVELS.map((l) => (
            <label key={l} className="choice">
              <input
                type="radio"
                name={`${id}-level`}
                value={l}
                checked={level === l}
                onChange={() => setLevel(l)}
              />
              {l}
            </label>
          ))}
        </div>
        {errorText('experienceLevel')}
      </fieldset>
      {formError && (
        <p className="error-text" role="alert">
          {formError}
        </p>
      )}
      <button type="submit" className="primary" disabled={saving}>
        {saving ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
