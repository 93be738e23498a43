import type { z } from 'zod';
import { channels, isChannelName, type ChannelName, type Handlers } from '../../src-shared/contract';
import { AppError, type ErrorPayload, type Result } from '../../src-shared/errors';
import type { Logger } from '../logging/logger';

export type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>;

const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized|Expected)\b/;

/** Turns the first zod issue into the field and reason the UI shows next to the offending control. */
export function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  if (!issue)
    return new AppError('VALIDATION_ERROR', 'The request was not valid.', {
      field: 'input',
      reason: 'invalid',
    });
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
  const field = path.length > 0 ? path.join('.') : 'input';
  const reason = issue.message;
  // Our own messages are sentences naming the field and pass through as they are; zod's defaults ("Invalid
  // input: …", "Too big: …") and lower-case fragments get the field added.
  const ours = /^\p{Lu}/u.test(reason) && !ZOD_DEFAULT.test(reason);
  const message = ours ? reason : `Invalid ${field}: ${reason}${reason.endsWith('.') ? '' : '.'}`;
  return new AppError('VALIDATION_ERROR', message, { field, reason });
}

const STORAGE_CODES = new Set([
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_CORRUPT',
]);

/** Anything that is not an AppError is logged with its stack and reaches the UI as a plain sentence. */
export function toErrorPayload(err: unknown, logger: Logger, channel: string): ErrorPayload {
  if (err instanceof AppError) return err.toPayload();
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && [...STORAGE_CODES].some((c) => code.startsWith(c))) {
    logger.error({ err, channel }, 'storage failure');
    return {
      code: 'STORAGE_ERROR',
      message:
        'Rehearse could not write to its data folder (the disk may be full or read-only). Nothing was changed.',
    };
  }
  logger.error({ err, channel }, 'request failed');
  return {
    code: 'INTERNAL_ERROR',
    message: 'Something went wrong while handling that request. The details were written to the log.',
  };
}

export interface DispatchOptions {
  logger: Logger;
  /** Also parse handler outputs against the contract (tests turn this on to catch drift). */
  checkOutputs?: boolean;
}

export function createDispatcher(handlers: Handlers, options: DispatchOptions): Invoke {
  const { logger } = options;
  return async (channel, rawInput) => {
    if (!isChannelName(channel)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown request "${String(channel).slice(0, 80)}".` },
      };
    }
    const spec = channels[channel];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error).toPayload() };
    const started = performance.now();
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      let value = await handler(parsed.data);
      if (options.checkOutputs) value = (spec.output as z.ZodType).parse(value);
      logger.debug({ channel, ms: Math.round(performance.now() - started) }, 'handled');
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: toErrorPayload(err, logger, channel) };
    }
  };
}

export type { ChannelName };
