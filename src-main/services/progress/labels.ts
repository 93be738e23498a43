/** Categories named as the rest of the app names them ("System Design"), for sentences the candidate reads. */
import type { Category } from '../../../src-shared/domain';

export const categoryLabel = (c: Category): string => c.replace('_', ' ');
