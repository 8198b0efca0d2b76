import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../http/app-instance.js';
import type { MailTransport } from './mail-transport.js';
import type { OutboxTransport } from './outbox-transport.js';

export interface OutboxRoutesDeps {
  /** The local outbox, or null when mail goes out by SMTP and the outbox stays empty. */
  readonly outbox: Pick<OutboxTransport, 'listMessages'> | null;
  readonly transportKind: MailTransport['kind'];
  /** Throws when the request may not read the outbox; the caller decides who may. */
  readonly authorize: (request: FastifyRequest) => void;
}

const OutboxQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

const OutboxResponse = Type.Object({
  transport: Type.Union([Type.Literal('outbox'), Type.Literal('smtp')], {
    description: 'Where e-mail goes; with smtp the local outbox is not used',
  }),
  messages: Type.Array(
    Type.Object({
      id: Type.String(),
      to: Type.String(),
      subject: Type.String(),
      text: Type.String(),
      html: Type.String(),
      headers: Type.Optional(Type.Record(Type.String(), Type.String())),
      created_at: Type.String({ description: 'ISO 8601 UTC: when it was submitted' }),
    }),
  ),
});

/** `GET /outbox` under `/api/admin`: the e-mail Masthead submitted, newest first. */
export function outboxRoutes(deps: OutboxRoutesDeps) {
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/outbox',
      {
        schema: {
          tags: ['mail'],
          summary: 'E-mail kept in the local outbox, newest first',
          querystring: OutboxQuery,
          response: { 200: OutboxResponse },
        },
      },
      async (request) => {
        deps.authorize(request);
        const messages =
          deps.outbox === null ? [] : await deps.outbox.listMessages(request.query.limit);
        return {
          transport: deps.transportKind,
          messages: messages.map((message) => ({
            id: message.id,
            to: message.to,
            subject: message.subject,
            text: message.text,
            html: message.html,
            ...(message.headers === undefined ? {} : { headers: message.headers }),
            created_at: message.createdAt,
          })),
        };
      },
    );
  };
}
