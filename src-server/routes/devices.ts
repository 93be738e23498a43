import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { insertWithFreeAlias } from '../aliases';
import { ApiError } from '../http/errors';
import { DeviceCreated, DevicePatch, DeviceRegistration, DeviceView } from '../http/api';
import { doc, errorDocs, replyDoc } from '../http/validation';
import { type RouteContext, SIGNED } from './context';

export function deviceRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { db } = ctx.database;
  const errors = errorDocs(400, 401, 409, 429);

  app.post<{ Body: z.infer<typeof DeviceRegistration> }>(
    '/devices',
    {
      onRequest: ctx.registrationLimit,
      schema: {
        summary: 'Register an anonymous device',
        description:
          'Returns the device id, its signing secret (shown once) and a public alias. No personal data is asked for.',
        tags: ['devices'],
        body: doc(DeviceRegistration),
        response: {
          201: replyDoc(DeviceCreated, 'Registered. Keep the secret: it is never shown again.'),
          ...errorDocs(400, 415, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const id = randomUUID();
      const secret = randomBytes(32).toString('base64url');
      const isPublic = request.body?.public ?? true;
      const now = ctx.now();
      const alias = await insertWithFreeAlias(
        db,
        async (candidate) => {
          const r = await db
            .insertInto('devices')
            .values({
              id,
              secret,
              alias: candidate,
              public: isPublic ? 1 : 0,
              created_at: now,
            })
            .onConflict((oc) => oc.column('alias').doNothing())
            .executeTakeFirst();
          return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
        },
        ctx.fullAliasWidths,
        now,
      );
      if (!alias)
        throw new ApiError(503, 'UNAVAILABLE', 'Every alias is taken; registration is closed for now.');
      request.log.info({ deviceId: id }, 'device registered');
      return reply.code(201).send({ id, secret, alias, public: isPublic });
    },
  );

  const view = async (id: string) => {
    const row = await db
      .selectFrom('devices')
      .leftJoin('scores', 'scores.device_id', 'devices.id')
      .select((eb) => [
        'devices.id',
        'devices.alias',
        'devices.public',
        eb.fn.count<number>('scores.device_id').as('n'),
      ])
      .where('devices.id', '=', id)
      .groupBy(['devices.id', 'devices.alias', 'devices.public'])
      .executeTakeFirst();
    if (!row)
      throw new ApiError(
        401,
        'UNKNOWN_DEVICE',
        'This device is not registered (or was erased); register again.',
      );
    return { id: row.id, alias: row.alias, public: row.public === 1, sessions: Number(row.n) };
  };

  app.get(
    '/devices/me',
    {
      preValidation: ctx.signed,
      schema: {
        summary: 'This device',
        tags: ['devices'],
        security: SIGNED,
        response: { 200: replyDoc(DeviceView, 'The device.'), ...errors },
      },
    },
    async (request) => view(request.device!.id),
  );

  app.patch<{ Body: z.infer<typeof DevicePatch> }>(
    '/devices/me',
    {
      preValidation: ctx.signed,
      schema: {
        summary: 'Show or hide this device on the public leaderboard',
        description:
          'A hidden device still counts, anonymously, in percentiles. Other replicas may show the old board for up to 60 s.',
        tags: ['devices'],
        security: SIGNED,
        body: doc(DevicePatch),
        response: { 200: replyDoc(DeviceView, 'The device.'), ...errors },
      },
    },
    async (request) => {
      const id = request.device!.id;
      await db
        .updateTable('devices')
        .set({ public: request.body.public ? 1 : 0 })
        .where('id', '=', id)
        .execute();
      ctx.boards.clear();
      return view(id);
    },
  );

  app.delete(
    '/devices/me',
    {
      preValidation: ctx.signed,
      schema: {
        summary: 'Erase this device and everything it sent',
        description:
          'Deletes the device, its secret and all its session results. Leaderboards cached by other replicas may show it for up to 60 s.',
        tags: ['devices'],
        security: SIGNED,
        response: { 204: { type: 'null', description: 'Erased.' }, ...errors },
      },
    },
    async (request, reply) => {
      const id = request.device!.id;
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('scores').where('device_id', '=', id).execute();
        await trx.deleteFrom('devices').where('id', '=', id).execute();
      });
      ctx.secrets.forget(id);
      ctx.boards.clear();
      ctx.cohorts.clear();
      request.log.info({ deviceId: id }, 'device erased');
      return reply.code(204).send();
    },
  );
}
