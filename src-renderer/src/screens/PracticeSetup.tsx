import { useId, useState, type FormEvent } from 'react';
import {
  DIFFICULTIES,
  type Difficulty,
  MAX_QUESTIONS_PER_SESSION,
  SessionCreateInput,
} from '../../../src-shared/domain';
import { call, fieldOf, messageOf } from '../api';
import { ScreenHeading } from '../components/ScreenHeading';
import { useApp } from '../store';

const DEFAULT_DIFFICULTY: Record<string, Difficulty> = {
  Entry: 'Easy',
  Mid: 'Medium',
  Senior: 'Hard',
  Staff: 'Expert',
  Principal: 'Expert',
};

export function PracticeSetup() {
  const { profile, catalog, go } = useApp();
  const id = useId();
  const roles = catalog?.roles ?? [];
  const [role, setRole] = useState(profile?.targetRole ?? roles[0] ?? '');
  const [difficulty, setDifficulty] = useState<Difficulty>(
    DEFAULT_DIFFICULTY[profile?.experienceLevel ?? 'Mid'] ?? 'Medium',
  );
  const [count, setCount] = useState('5');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [starting, setStarting] = useState(false);
  const [formError, setFormError] = useState('');
  const roleOptions = roles.includes(role) || role === '' ? roles : [role, ...roles];

  async function start(e: FormEvent) {
    e.preventDefault();
    setFormError('');
    const parsed = SessionCreateInput.safeParse({ role, difficulty, questionCount: Number(count) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0]);
      setErrors({ [field]: issue.message });
      document.getElementById(`${id}-${field}`)?.focus();
      return;
    }
    setErrors({});
    setStarting(true);
    try {
      const session = await call('sessions.create', parsed.data);
      go({ name: 'room', sessionId: session.id });
    } catch (err) {
      const field = fieldOf(err);
      if (field) setErrors({ [field]: messageOf(err) });
      else setFormError(messageOf(err));
      setStarting(false);
    }
  }

  const describe = (field: string, hint?: string) =>
    [hint, errors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const errorText = (field: string) =>
    errors[field] ? (
      <p className="error-text" id={`${id}-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;

  return (
    <div className="card">
      <ScreenHeading>Set up a practice session</ScreenHeading>
      <form onSubmit={start} noValidate>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(e) => setRole(e.target.value)}
            aria-describedby={describe('role')}
          >
            {roleOptions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          {errorText('role')}
        </div>
        <fieldset className="field" aria-describedby={describe('difficulty')}>
          <legend id={`${id}-difficulty`} tabIndex={-1}>
            Difficulty
          </legend>
          <div className="choices">
            {DIFFICULTIES.map((d) => (
              <label key={d} className="choice">
                <input
                  type="radio"
                  name={`${id}-difficulty-choice`}
                  value={d}
                  checked={difficulty === d}
                  onChange={() => setDifficulty(d)}
                />
                {d}
              </label>
            ))}
          </div>
          {errorText('difficulty')}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-questionCount`}>Number of questions</label>
          <input
            id={`${id}-questionCount`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_QUESTIONS_PER_SESSION}
            value={count}
            onChange={(e) => setCount(e.target.value)}
            style={{ maxWidth: '8rem' }}
            aria-invalid={errors.questionCount ? true : undefined}
            aria-describedby={describe('questionCount', `${id}-count-hint`)}
          />
          <p className="hint" id={`${id}-count-hint`}>
            From 1 to {MAX_QUESTIONS_PER_SESSION}. Each question has its own time limit.
          </p>
          {errorText('questionCount')}
        </div>
        {formError && (
          <p className="error-text" role="alert">
            {formError}
          </p>
        )}
        <button type="submit" className="primary" disabled={starting}>
          {starting ? 'Starting…' : 'Start'}
        </button>
      </form>
    </div>
  );
}
