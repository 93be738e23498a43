import { useEffect, useId, useState } from 'react';
import type { PlanInput, PlanNotice } from '../../../src-shared/questions';
import { call, modelAvailable } from '../api';
import { useApp } from '../store';

/** Asking for a plan on every keystroke in the count field would be wasted work; this settles it first. */
const SETTLE_MS = 250;

/**
 * What the bank can give for the set as it is being set up, said before Start: how many questions at the
 * chosen difficulty are left and what was added instead, with the way out (repeats, or a model to write more).
 */
export function SetNotice({
  plan,
  allowRepeats,
  onAllowRepeats,
}: {
  plan: PlanInput | null;
  allowRepeats: boolean;
  onAllowRepeats(allow: boolean): void;
}) {
  const go = useApp((s) => s.go);
  const id = useId();
  const [notice, setNotice] = useState<PlanNotice | null>(null);
  const [repeatable, setRepeatable] = useState(0);
  const [model, setModel] = useState(false);
  const key = plan ? JSON.stringify(plan) : '';
  useEffect(() => {
    void modelAvailable().then(setModel);
  }, []);
  useEffect(() => {
    if (!key) return;
    let live = true;
    const timer = setTimeout(() => {
      call('questions.plan', JSON.parse(key) as PlanInput).then(
        (r) => {
          if (!live) return;
          setNotice(r.notice);
          // Once repeats are allowed the plan no longer counts them; the offer stays so it can be undone.
          if (r.notice && r.notice.repeatable > 0) setRepeatable(r.notice.repeatable);
          else if (!allowRepeats) setRepeatable(0);
        },
        () => live && setNotice(null),
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, allowRepeats]);

  return (
    <div className="field" id={`${id}-notice`}>
      <div role="status" aria-live="polite">
        {notice && <p className="warning-box">{notice.message}</p>}
      </div>
      {repeatable > 0 && (
        <label className="choice">
          <input type="checkbox" checked={allowRepeats} onChange={(e) => onAllowRepeats(e.target.checked)} />
          Allow questions from your recent sessions ({repeatable} more at this difficulty)
        </label>
      )}
      {notice &&
        (model ? (
          <p className="hint">Your AI coach will write fresh questions for this set once it starts.</p>
        ) : (
          <p className="hint">
            An AI coach can write more questions at this difficulty.{' '}
            <button type="button" onClick={() => go({ name: 'settings' })}>
              Set up an AI coach
            </button>
          </p>
        ))}
    </div>
  );
}
