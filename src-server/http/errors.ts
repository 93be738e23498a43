import type { FastifyError, FastifyInstance } from 'fastify';

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'MALFORMED_JSON'
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'BAD_SIGNATURE'
  | 'STALE_TIMESTAMP'
  | 'UNKNOWN_DEVICE'
  | 'NOT_FOUND'
  | 'REPLAYED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'IMPLAUSIBLE'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'UNAVAILABLE';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** An error meant for the client: its status, code and message are sent as they are. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const BY_FASTIFY_CODE: Record<string, [number, ErrorCode, string?]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_REQUEST'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'MALFORMED_JSON', 'The JSON body is empty.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'MALFORMED_JSON', 'The body is not valid JSON.'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'BAD_REQUEST'],
};

const BY_STATUS: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  404: 'NOT_FOUND',
  409: 'REPLAYED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'IMPLAUSIBLE',
  429: 'RATE_LIMITED',
};

/** Turns any error into `{ error: { code, message } }`: never a stack trace, never an internal message on 5xx. */
export function toErrorReply(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof ApiError) {
    const { statusCode: status, code, message, details } = err;
    return {
      status,
      body: { error: details === undefined ? { code, message } : { code, message, details } },
    };
  }
  const e = (err ?? {}) as Partial<FastifyError>;
  const known = e.code ? BY_FASTIFY_CODE[e.code] : undefined;
  if (known) {
    const [status, code, message] = known;
    return { status, body: { error: { code, message: message ?? e.message ?? code } } };
  }
  if (err instanceof SyntaxError && e.statusCode === 400) {
    return {
      status: 400,
      body: { error: { code: 'MALFORMED_JSON', message: 'The body is not valid JSON.' } },
    };
  }
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) {
    // fastify's own 4xx errors (bad URL, bad header values, …) carry short messages that are safe to show
    const code = BY_STATUS[status] ?? 'BAD_REQUEST';
    return { status, body: { error: { code, message: e.message || 'Bad request.' } } };
  }
  if (status === 503) {
    return {
      status,
      body: { error: { code: 'UNAVAILABLE', message: 'The service is unavailable; retry later.' } },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } },
  };
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const { status, body } = toErrorReply(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: body.error.code, status }, body.error.message);
    void reply.code(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `No route ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}.`,
      },
    });
  });
}
