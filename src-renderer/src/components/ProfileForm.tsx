import { useId, useState, type FormEvent } from 'react';
import {
  EXPERIENCE_LEVELS,
  type ExperienceLevel,
  type Profile,
  ProfileInput,
} from '../../../src-shared/domain';
import { call, fieldOf, messageOf } from '../api';
import { useApp } from '../store';
import { firstErrors, FormError, RadioChoices, useFieldErrors } from './form';

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
  const { errors, show, clear, describedBy, errorText } = useFieldErrors(id);
  const initialRole = initial?.targetRole ?? '';
  const [name, setName] = useState(initial?.name ?? '');
  const [roleChoice, setRoleChoice] = useState(
    initialRole === '' ? '' : roles.includes(initialRole) ? initialRole : OTHER,
  );
  const [customRole, setCustomRole] = useState(roles.includes(initialRole) ? '' : initialRole);
  const [level, setLevel] = useState<ExperienceLevel | ''>(initial?.experienceLevel ?? '');
  const [formError, setFormError] = useState('');
  const [saving, setSaving] = useState(false);

  const targetRole = roleChoice === OTHER ? customRole : roleChoice;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError('');
    const local = ProfileInput.safeParse({ name, targetRole, experienceLevel: level });
    if (!local.success) {
      show(firstErrors(local.error.issues));
      return;
    }
    clear();
    setSaving(true);
    try {
      onSaved(await call('profile.save', local.data));
    } catch (err) {
      const field = fieldOf(err);
      if (field) show({ [field]: messageOf(err) });
      else setFormError(messageOf(err));
    } finally {
      setSaving(false);
    }
  }

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
          aria-describedby={describedBy('name')}
        />
        {errorText('name')}
      </div>
      <div className="field">
        <label htmlFor={roleChoice === OTHER ? `${id}-roleChoice` : `${id}-targetRole`}>Target role</label>
        <select
          id={roleChoice === OTHER ? `${id}-roleChoice` : `${id}-targetRole`}
          value={roleChoice}
          onChange={(e) => setRoleChoice(e.target.value)}
          aria-invalid={errors.targetRole && roleChoice !== OTHER ? true : undefined}
          aria-describedby={roleChoice !== OTHER ? describedBy('targetRole') : undefined}
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
            <label htmlFor={`${id}-targetRole`}>Your role</label>
            <input
              id={`${id}-targetRole`}
              type="text"
              value={customRole}
              onChange={(e) => setCustomRole(e.target.value)}
              aria-invalid={errors.targetRole ? true : undefined}
              aria-describedby={describedBy('targetRole')}
            />
          </div>
        )}
        {errorText('targetRole')}
      </div>
      <RadioChoices
        id={`${id}-experienceLevel`}
        legend="Experience level"
        name={`${id}-level`}
        options={EXPERIENCE_LEVELS}
        value={level}
        onChange={setLevel}
        describedBy={describedBy('experienceLevel')}
      >
        {errorText('experienceLevel')}
      </RadioChoices>
      <FormError message={formError} />
      <button type="submit" className="primary" disabled={saving}>
        {saving ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
