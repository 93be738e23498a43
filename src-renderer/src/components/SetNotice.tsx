import { useEffect, useId, useRef, useState } from 'react';
import type { PlanInput, PlanNotice } from '../../../src-shared/questions';
import { call, messageOf, on } from '../api';
import { useApp } from '../store';

/** Asking for a plan on every keystroke in the count field would be wasted work; this settles it first. */
const SETTLE_MS = 250;

type Generation =
  | { state: 'idle' }
  | { state: 'running'; requestId: string; status: string }
  /** For the set it was written for: what a model wrote for one set says nothing about another. */
  | { state: 'done'; message: string; key: string };

/**
 * What the bank can give for the set as it is being set up, said before Start: how many questions at the
 * chosen difficulty are left and what was added instead, with the ways out: repeats, or the model that is set
 * up writing the missing questions (or, without one, where to set one up).
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
  const [writer, setWriter] = useState<string | null>(null);
  const [repeatable, setRepeatable] = useState(0);
  const [generation, setGeneration] = useState<Generation>({ state: 'idle' });
  // Bumped after questions were written, so the plan is asked again with them in the bank.
  const [written, setWritten] = useState(0);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const key = plan ? JSON.stringify(plan) : '';
  useEffect(() => {
    if (!key) return;
    let live = true;
    const timer = setTimeout(() => {
      call('questions.plan', JSON.parse(key) as PlanInput).then(
        (r) => {
          if (!live) return;
          setNotice(r.notice);
          setWriter(r.writer);
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
  }, [key, allowRepeats, written]);

  const running = generation.state === 'running' ? generation.requestId : null;
  useEffect(() => {
    if (!running) return;
    cancelRef.current?.focus();
    return on('ai.progress', (p) => {
      if (p.requestId === running) setGeneration({ state: 'running', requestId: running, status: p.status });
    });
  }, [running]);
  useEffect(() => {
    if (generation.state === 'done') outcomeRef.current?.focus();
  }, [generation.state]);

  async function generate() {
    if (!plan || !notice) return;
    const requestId = crypto.randomUUID();
    setGeneration({
      state: 'running',
      requestId,
      status: `Asking ${writer} for ${notice.missing} questions…`,
    });
    try {
      const r = await call('questions.generate', { ...plan, requestId });
      setGeneration({ state: 'done', message: r.message, key });
      if (r.added > 0) setWritten((n) => n + 1);
    } catch (err) {
      setGeneration({ state: 'done', message: messageOf(err), key });
    }
  }

  const missing = notice?.missing ?? 0;
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
      {generation.state === 'running' ? (
        <div className="row">
          <p role="status" aria-live="polite">
            {generation.status}
          </p>
          <button
            type="button"
            ref={cancelRef}
            onClick={() => void call('ai.cancel', { requestId: generation.requestId })}
          >
            Cancel writing questions
          </button>
        </div>
      ) : (
        missing > 0 &&
        (writer ? (
          <p className="hint">
            <button type="button" onClick={() => void generate()}>
              Generate {missing} more with {writer}
            </button>{' '}
            They join your own questions, so later sets can use them too.
          </p>
        ) : (
          <p className="hint">
            An AI coach can write more questions at this difficulty.{' '}
            <button type="button" onClick={() => go({ name: 'settings' })}>
              Set up an AI coach
            </button>
          </p>
        ))
      )}
      <div role="status" aria-live="polite">
        {generation.state === 'done' && generation.key === key && (
          <p tabIndex={-1} ref={outcomeRef}>
            {generation.message}
          </p>
        )}
      </div>
    </div>
  );
}
