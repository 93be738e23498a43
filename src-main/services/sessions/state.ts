/**
 * The session lifecycle: setup → active ⇄ paused → completed or abandoned. Every change goes through
 * `transition`, so an illegal one (answering a finished session, pausing twice) is refused with a message the
 * candidate can act on, before anything is written.
 */
import type { SessionStatus } from '../../../src-shared/domain';
import { AppError } from '../../../src-shared/errors';

export type SessionAction = 'start' | 'pause' | 'resume' | 'answer' | 'finish' | 'end';

const NEXT: Record<SessionStatus, Partial<Record<SessionAction, SessionStatus>>> = {
  setup: { start: 'active', end: 'abandoned' },
  active: { pause: 'paused', answer: 'active', finish: 'completed', end: 'completed' },
  paused: { resume: 'active', end: 'completed' },
  completed: {},
  abandoned: {},
};

function refusal(status: SessionStatus, action: SessionAction): string {
  if (status === 'completed' || status === 'abandoned')
    return action === 'answer' || action === 'finish'
      ? 'This session has ended, so its answers can no longer be changed.'
      : 'This session has already ended.';
  if (status === 'paused')
    return action === 'pause'
      ? 'This session is already paused.'
      : 'This session is paused. Resume it to carry on answering.';
  if (status === 'active')
    return action === 'resume' ? 'This session is not paused.' : 'This session is already running.';
  return 'This session has not started yet.';
}

/**
 * The status after `action`, or a CONFLICT naming why not. Ending keeps a session with answers as completed
 * and one without any as abandoned, so history only counts sessions that produced something.
 */
export function transition(status: SessionStatus, action: SessionAction, answered = 1): SessionStatus {
  const next = NEXT[status][action];
  if (!next) throw new AppError('CONFLICT', refusal(status, action), { status });
  return action === 'end' && answered === 0 ? 'abandoned' : next;
}

export const isOpen = (status: SessionStatus) => status === 'active' || status === 'paused';
