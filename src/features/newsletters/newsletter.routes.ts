import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import type { IssueService } from './issue.service.js';
import type { NewsletterService } from './newsletter.service.js';
import { maxSubscriberImportBytes } from './newsletter.service.js';
import {
  IssueBody,
  IssuePatch,
  IssueResource,
  NewsletterBody,
  NewsletterPatch,
  NewsletterResource,
  ProgressResource,
  toIssueResource,
  toNewsletterInput,
  toNewsletterResource,
} from './newsletter.schemas.js';

export interface NewsletterAdminRoutesDeps {
  readonly newsletters: NewsletterService;
  readonly issues: IssueService;
  readonly requireActor: (request: FastifyRequest) => Actor;
}

const tags = ['newsletters'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** `/api/admin/newsletters…`: newsletters, subscribers, suppressions and issues. */
export function newsletterAdminRoutes(deps: NewsletterAdminRoutesDeps) {
  const { newsletters, issues, requireActor } = deps;
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/newsletters',
      {
        schema: {
          tags,
          summary: 'Every newsletter, in order, with its confirmed subscribers',
          response: { 200: Type.Object({ newsletters: Type.Array(NewsletterResource) }) },
        },
      },
      async (request) => {
        requireActor(request);
        const all = await newsletters.listNewsletters();
        return { newsletters: all.map((e) => toNewsletterResource(e.newsletter, e.subscribers)) };
      },
    );

    app.post(
      '/newsletters',
      {
        schema: {
          tags,
          summary: 'Create a newsletter',
          body: NewsletterBody,
          response: { 201: Type.Object({ newsletter: NewsletterResource }) },
        },
      },
      async (request, reply) => {
        const created = await newsletters.createNewsletter(requireActor(request), {
          ...toNewsletterInput(request.body),
          slug: request.body.slug,
          name: request.body.name,
        });
        return reply.status(201).send({ newsletter: toNewsletterResource(created, 0) });
      },
    );

    app.patch(
      '/newsletters/:id',
      {
        schema: {
          tags,
          summary: 'Change a newsletter',
          params: IdParams,
          body: NewsletterPatch,
          response: { 200: Type.Object({ newsletter: NewsletterResource }) },
        },
      },
      async (request) => {
        const changed = await newsletters.updateNewsletter(
          requireActor(request),
          request.params.id,
          toNewsletterInput(request.body),
        );
        const count =
          (await newsletters.listNewsletters()).find((e) => e.newsletter.id === changed.id)
            ?.subscribers ?? 0;
        return { newsletter: toNewsletterResource(changed, count) };
      },
    );

    app.get(
      '/newsletters/:id/subscribers',
      {
        schema: {
          tags,
          summary: 'Subscribers of a newsletter, newest first, with counts by state',
          params: IdParams,
          querystring: Type.Object({
            status: Type.Optional(
              Type.Union([
                Type.Literal('pending'),
                Type.Literal('confirmed'),
                Type.Literal('unsubscribed'),
                Type.Literal('bounced'),
              ]),
            ),
            q: Type.Optional(Type.String({ maxLength: 200 })),
            page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          }),
        },
      },
      async (request) => {
        const { status, q, page, limit } = request.query;
        const found = await newsletters.listSubscribers(requireActor(request), {
          newsletterId: request.params.id,
          ...(status === undefined ? {} : { status }),
          ...(q === undefined ? {} : { q }),
          page,
          limit,
        });
        return {
          subscribers: found.rows.map((row) => ({
            id: row.id,
            email: row.email,
            status: row.status,
            source: row.source,
            created_at: row.created_at,
            confirmed_at: row.confirmed_at,
            ended_at: row.ended_at,
          })),
          counts: found.counts,
          meta: { page, limit },
        };
      },
    );

    app.get(
      '/newsletters/:id/growth',
      {
        schema: {
          tags,
          summary: 'Confirmed sign-ups per day (UTC)',
          params: IdParams,
          querystring: Type.Object({
            days: Type.Integer({ minimum: 1, maximum: 366, default: 30 }),
          }),
        },
      },
      async (request) => ({
        growth: await newsletters.growth(
          requireActor(request),
          request.params.id,
          request.query.days,
        ),
      }),
    );

    app.get(
      '/newsletters/:id/subscribers.csv',
      { schema: { tags, summary: 'Subscribers as CSV', params: IdParams } },
      async (request, reply) => {
        const csv = await newsletters.exportSubscribers(requireActor(request), request.params.id);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="subscribers.csv"')
          .send(csv);
      },
    );

    app.post(
      '/newsletters/:id/subscribers/import',
      {
        bodyLimit: maxSubscriberImportBytes + 1024,
        schema: {
          tags,
          summary:
            'Import confirmed subscribers from CSV (columns email, consent); a dry run writes nothing',
          params: IdParams,
          body: Type.Object({
            csv: Type.String({ maxLength: maxSubscriberImportBytes }),
            dry_run: Type.Boolean({ default: true }),
          }),
        },
      },
      async (request) => {
        const result = await newsletters.importSubscribers(
          requireActor(request),
          request.params.id,
          request.body.csv,
          request.body.dry_run,
        );
        return {
          dry_run: result.dryRun,
          added: result.added,
          already_subscribed: result.alreadySubscribed,
          suppressed: result.suppressed,
          problems: result.problems,
        };
      },
    );

    app.get(
      '/newsletters/suppressions',
      {
        schema: {
          tags,
          summary: 'Addresses never mailed: bounces, complaints, and those added by staff',
        },
      },
      async (request) => ({
        suppressions: await newsletters.listSuppressions(requireActor(request), 500),
      }),
    );

    app.post(
      '/newsletters/suppressions',
      {
        schema: {
          tags,
          summary: 'Never mail an address again',
          body: Type.Object({
            email: Type.String({ minLength: 3, maxLength: 254 }),
            detail: Type.Optional(Type.String({ maxLength: 500 })),
          }),
        },
      },
      async (request, reply) => {
        await newsletters.addSuppression(
          requireActor(request),
          request.body.email,
          request.body.detail ?? '',
        );
        return reply.status(204).send();
      },
    );

    app.delete(
      '/newsletters/suppressions/:email',
      {
        schema: {
          tags,
          summary: 'Mail an address again',
          params: Type.Object({ email: Type.String({ maxLength: 254 }) }),
        },
      },
      async (request, reply) => {
        await newsletters.removeSuppression(requireActor(request), request.params.email);
        return reply.status(204).send();
      },
    );

    app.get(
      '/newsletters/issues',
      {
        schema: {
          tags,
          summary: 'Issues, newest first',
          querystring: Type.Object({
            newsletter_id: Type.Optional(Type.String({ maxLength: 64 })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          }),
          response: { 200: Type.Object({ issues: Type.Array(IssueResource) }) },
        },
      },
      async (request) => {
        const { newsletter_id: newsletterId, limit } = request.query;
        const found = await issues.listIssues(requireActor(request), {
          ...(newsletterId === undefined ? {} : { newsletterId }),
          limit,
        });
        return { issues: found.map(toIssueResource) };
      },
    );

    app.post(
      '/newsletters/issues',
      {
        schema: {
          tags,
          summary: 'Write an issue, or make one of a published article',
          body: IssueBody,
          response: { 201: Type.Object({ issue: IssueResource }) },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const issue = await issues.createIssue(requireActor(request), {
          newsletterId: body.newsletter_id,
          subject: body.subject,
          ...(body.preheader === undefined ? {} : { preheader: body.preheader }),
          ...(body.post_id === undefined ? {} : { postId: body.post_id }),
          ...(body.markdown === undefined
            ? {}
            : { body: { format: 'markdown' as const, text: body.markdown } }),
        });
        return reply.status(201).send({ issue: toIssueResource(issue) });
      },
    );

    app.patch(
      '/newsletters/issues/:id',
      {
        schema: {
          tags,
          summary: 'Change a draft issue',
          params: IdParams,
          body: IssuePatch,
          response: { 200: Type.Object({ issue: IssueResource }) },
        },
      },
      async (request) => {
        const body = request.body;
        const issue = await issues.updateIssue(requireActor(request), request.params.id, {
          ...(body.subject === undefined ? {} : { subject: body.subject }),
          ...(body.preheader === undefined ? {} : { preheader: body.preheader }),
          ...(body.post_id === undefined ? {} : { postId: body.post_id }),
          ...(body.markdown === undefined
            ? {}
            : { body: { format: 'markdown' as const, text: body.markdown } }),
        });
        return { issue: toIssueResource(issue) };
      },
    );

    app.get(
      '/newsletters/issues/:id',
      {
        schema: {
          tags,
          summary: 'An issue and how its send is going',
          params: IdParams,
          response: { 200: Type.Object({ issue: IssueResource, progress: ProgressResource }) },
        },
      },
      async (request) => {
        const found = await issues.getIssue(requireActor(request), request.params.id);
        return { issue: toIssueResource(found.issue), progress: found.progress };
      },
    );

    app.get(
      '/newsletters/issues/:id/preview',
      { schema: { tags, summary: 'The issue as a paying member receives it', params: IdParams } },
      async (request) => ({
        preview: await issues.previewIssue(requireActor(request), request.params.id),
      }),
    );

    app.post(
      '/newsletters/issues/:id/test',
      {
        schema: {
          tags,
          summary: 'Mail the issue to one address, marked as a test',
          params: IdParams,
          body: Type.Object({ to: Type.String({ maxLength: 254 }) }),
        },
      },
      async (request, reply) => {
        await issues.testSend(requireActor(request), request.params.id, request.body.to);
        return reply.status(202).send({ queued: true });
      },
    );

    app.post(
      '/newsletters/issues/:id/send',
      {
        schema: {
          tags,
          summary: 'Send the issue now, or schedule it',
          params: IdParams,
          body: Type.Object({
            at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
          }),
          response: { 202: Type.Object({ issue: IssueResource }) },
        },
      },
      async (request, reply) => {
        const at =
          request.body.at === undefined || request.body.at === null
            ? null
            : new Date(request.body.at);
        const issue = await issues.sendIssue(requireActor(request), request.params.id, at);
        return reply.status(202).send({ issue: toIssueResource(issue) });
      },
    );
  };
}
