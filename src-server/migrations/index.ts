import { type Migration } from 'kysely';
import * as initial from './0001_initial';

/**
 * Every migration, in order, named NNNN_name. A static list rather than a folder read at run time, so the
 * bundled server (out/server/index.js) carries its migrations with it. Never edit an applied one; add the next.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
};
