import type { Handlers } from '../../../src-shared/contract';
import { CATEGORIES, DIFFICULTIES, EXPERIENCE_LEVELS, ROLES } from '../../../src-shared/domain';
import type { ServiceContext } from '../../core/context';

export const appHandlers = (ctx: ServiceContext): Pick<Handlers, 'app.info' | 'catalog.get'> => ({
  'app.info': () => ({ name: 'Rehearse', version: ctx.version, host: ctx.host, dataDir: ctx.dataDir }),
  'catalog.get': () => ({
    roles: [...ROLES],
    experienceLevels: [...EXPERIENCE_LEVELS],
    difficulties: [...DIFFICULTIES],
    categories: [...CATEGORIES],
    bankSize: ctx.bank.size,
  }),
});
