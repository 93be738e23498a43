import type { Handlers } from '../../../src-shared/contract';
import type { ServiceContext } from '../../core/context';
import { recordAnswer, saveDraft } from './answers';
import { createSession, retakeSession } from './create';
import { sessionReport } from '../evaluation/report';
import { adaptFollowUp, takeFollowUp } from './follow-up';
import { listSessions, resumableSession } from './history';
import { changeStatus } from './lifecycle';
import { loadDetail } from './read';
import { tailorSession } from './tailor';

/** The report's exporter brings the PDF library, loaded when a report is first exported rather than at start. */
const exporter = () => import('../evaluation/export');

type SessionChannels =
  | 'sessions.create'
  | 'sessions.get'
  | 'sessions.list'
  | 'sessions.resumable'
  | 'sessions.saveDraft'
  | 'sessions.submitAnswer'
  | 'sessions.skipQuestion'
  | 'sessions.end'
  | 'sessions.pause'
  | 'sessions.resume'
  | 'sessions.retake'
  | 'sessions.tailor'
  | 'sessions.takeFollowUp'
  | 'sessions.adaptFollowUp'
  | 'sessions.report'
  | 'sessions.exportReport';

export const sessionHandlers = (ctx: ServiceContext): Pick<Handlers, SessionChannels> => ({
  'sessions.create': (input) => createSession(ctx, input),
  'sessions.get': ({ sessionId }) => loadDetail(ctx.db, sessionId, ctx.vault),
  'sessions.list': (input) => listSessions(ctx, input),
  'sessions.resumable': () => resumableSession(ctx),
  'sessions.saveDraft': (input) => saveDraft(ctx, input),
  'sessions.submitAnswer': (input) => recordAnswer(ctx, { ...input, skipped: false }),
  'sessions.skipQuestion': (input) => recordAnswer(ctx, { ...input, text: '', skipped: true }),
  'sessions.end': ({ sessionId }) => changeStatus(ctx, sessionId, 'end'),
  'sessions.pause': ({ sessionId }) => changeStatus(ctx, sessionId, 'pause'),
  'sessions.resume': ({ sessionId }) => changeStatus(ctx, sessionId, 'resume'),
  'sessions.retake': ({ sessionId }) => retakeSession(ctx, sessionId),
  'sessions.tailor': (input) => tailorSession(ctx, input),
  'sessions.takeFollowUp': ({ sessionQuestionId }) => takeFollowUp(ctx, sessionQuestionId),
  'sessions.adaptFollowUp': (input) => adaptFollowUp(ctx, input),
  'sessions.report': ({ sessionId }) => sessionReport(ctx, sessionId),
  'sessions.exportReport': async ({ sessionId, format }) => {
    const [report, session] = await Promise.all([
      sessionReport(ctx, sessionId),
      loadDetail(ctx.db, sessionId, ctx.vault),
    ]);
    const base = `rehearse-${session.role.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${session.createdAt.slice(0, 10)}`;
    return format === 'md'
      ? {
          fileName: `${base}.md`,
          mime: 'text/markdown',
          dataBase64: Buffer.from((await exporter()).reportMarkdown(report, session)).toString('base64'),
        }
      : {
          fileName: `${base}.pdf`,
          mime: 'application/pdf',
          dataBase64: (await (await exporter()).reportPdf(report, session)).toString('base64'),
        };
  },
});
