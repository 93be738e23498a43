import { useId, useState, type FormEvent } from 'react';
import { DIFFICULTIES, type Difficulty, MAX_QUESTIONS_PER_SESSION } from '../../../src-shared/domain';
import { SessionCreateInput } from '../../../src-shared/questions';
import { call, fieldOf, messageOf } from '../api';
import { firstErrors, RadioChoices, useFieldErrors } from '../components/form';
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
  const { errors, show, clear, describedBy, errorText } = useFieldErrors(id);
  const roles = catalog?.roles ?? [];
  const [role, setRole] = useState(profile?.targetRole ?? roles[0] ?? '');
  const [difficulty, setDifficulty] = useState<Difficulty>(
    DEFAULT_DIFFICULTY[profile?.experienceLevel ?? 'Mid'] ?? 'Medium',
  );
  const [count, setCount] = useState('5');
  const [starting, setStarting] = useState(false);
  const [formError, setFormError] = useState('');
  const roleOptions = roles.includes(role) || role === '' ? roles : [role, ...roles];

  async function start(e: FormEvent) {
    e.preventDefault();
    setFormError('');
    const parsed = SessionCreateInput.safeParse({ role, difficulty, questionCount: Number(count) });
    if (!parsed.success) {
      show(firstErrors(parsed.error.issues));
      return;
    }
    clear();
    setStarting(true);
    try {
      const session = await call('sessions.create', parsed.data);
      go({ name: 'room', sessionId: session.id });
    } catch (err) {
      const field = fieldOf(err);
      if (field) show({ [field]: messageOf(err) });
      else setFormError(messageOf(err));
      setStarting(false);
    }
  }

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
            aria-describedby={describedBy('role')}
          >
            {roleOptions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          {errorText('role')}
        </div>
        <RadioChoices
          id={`${id}-difficulty`}
          legend="Difficulty"
          name={`${id}-difficulty-choice`}
          options={DIFFICULTIES}
          value={difficulty}
          onChange={setDifficulty}
          describedBy={describedBy('difficulty')}
        >
          {errorText('difficulty')}
        </RadioChoices>
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
            aria-describedby={describedBy('questionCount', `${id}-count-hint`)}
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
