import { useId, useState, type FormEvent } from 'react';
import {
  EXPERIENCE_LEVELS,
  type ExperienceLevel,
  type Profile,
  ProfileInput,
} from '../../../src-shared/domain';
import { call } from '../api';
import { useApp } from '../store';
import { Field, FormError, RadioChoices, useFormSend } from './form';

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
  const { errors, describedBy, errorText, fieldProps, busy: saving, formError, send } = useFormSend(id);
  const initialRole = initial?.targetRole ?? '';
  const [name, setName] = useState(initial?.name ?? '');
  const [roleChoice, setRoleChoice] = useState(
    initialRole === '' ? '' : roles.includes(initialRole) ? initialRole : OTHER,
  );
  const [customRole, setCustomRole] = useState(roles.includes(initialRole) ? '' : initialRole);
  const [level, setLevel] = useState<ExperienceLevel | ''>(initial?.experienceLevel ?? '');

  const targetRole = roleChoice === OTHER ? customRole : roleChoice;

  function submit(e: FormEvent) {
    e.preventDefault();
    void send(ProfileInput, { name, targetRole, experienceLevel: level }, async (data) =>
      onSaved(await call('profile.save', data)),
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Field {...fieldProps('name')} label="Your name">
        {(control) => (
          <input
            type="text"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            {...control}
          />
        )}
      </Field>
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
        {...fieldProps('experienceLevel')}
        legend="Experience level"
        options={EXPERIENCE_LEVELS}
        value={level}
        onChange={setLevel}
      />
      <FormError message={formError} />
      <button type="submit" className="primary" disabled={saving}>
        {saving ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
