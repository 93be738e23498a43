import type { Handlers } from '../../src-shared/contract';
import { appHandlers } from '../services/app/info';
import { aiHandlers } from '../services/ai/handlers';
import { companyHandlers } from '../services/companies/service';
import { jobHandlers } from '../services/jobs/service';
import { questionHandlers } from '../services/questions/service';
import { resumeHandlers } from '../services/resume/service';
import { sessionHandlers } from '../services/sessions/service';
import { profileHandlers } from '../services/settings/profile';
import { progressHandlers } from '../services/progress/service';
import { dataHandlers } from '../services/data/service';
import { syncHandlers } from '../services/sync/service';
import { vaultHandlers } from '../services/vault/service';
import { updateHandlers } from '../services/updates/service';
import { guideHandlers } from '../services/guide/service';
import { voiceHandlers } from '../services/voice/service';
import type { ServiceContext } from './context';

/** Every channel's handler, gathered from the service that owns it; a missing one fails to typecheck. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...profileHandlers(ctx),
    ...sessionHandlers(ctx),
    ...resumeHandlers(ctx),
    ...jobHandlers(ctx),
    ...aiHandlers(ctx),
    ...questionHandlers(ctx),
    ...companyHandlers(ctx),
    ...dataHandlers(ctx),
    ...progressHandlers(ctx),
    ...syncHandlers(ctx),
    ...vaultHandlers(ctx),
    ...updateHandlers(ctx),
    ...guideHandlers(ctx),
    ...voiceHandlers(ctx),
  };
}
