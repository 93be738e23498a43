import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { ERRORS, type ErrorStatus } from './api';
import { ApiError } from './errors';

// Routes are validated by zod and documented by the JSON Schema zod derives from the same definition: `doc()`
// returns that JSON Schema (what @fastify/swagger publishes) and remembers which zod schema it came from, and the
// validator compiler below looks it up. Bodies are never coerced (a string where a number belongs is a 400).

const zodOf = new WeakMap<object, z.ZodType>();

export function doc(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  zodOf.set(json, schema);
  return json;
}

function describeIssues(error: z.ZodError, part: string): { message: string; details: unknown } {
  const details = error.issues.slice(0, 20).map((i) => ({
    path: [part, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  const first = details[0];
  return { message: first ? `${first.path}: ${first.message}` : `Invalid ${part}.`, details };
}

export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const zs = zodOf.get(schema as object);
  if (!zs) throw new Error(`A ${httpPart ?? ''} schema was not made with doc(); it cannot be validated.`);
  const part = httpPart === 'querystring' ? 'query' : (httpPart ?? 'input');
  return (data: unknown) => {
    const result = zs.safeParse(part === 'body' && data === null ? undefined : data);
    if (result.success) return { value: result.data };
    const { message, details } = describeIssues(result.error, part);
    return { error: new ApiError(400, 'VALIDATION_FAILED', message, details) };
  };
};

/** Response docs: the schema (as output) described by `description`. */
export function replyDoc(schema: z.ZodType, description: string): Record<string, unknown> {
  return doc(schema.meta({ description }), 'output');
}

/** The documented error replies for these statuses. */
export function errorDocs(...statuses: ErrorStatus[]): Record<number, Record<string, unknown>> {
  return Object.fromEntries(statuses.map((s) => [s, doc(ERRORS[s], 'output')]));
}
