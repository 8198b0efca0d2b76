import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import { ensureCan } from '../staff/permissions.js';
import type { FeedEntryInput } from './feed-entry-input.js';
import type { FeedEntry } from './feed-entry.js';
import type { FeedLiveStats } from './feed-live-hub.js';
import type { FeedResources } from './feed-resources.js';
import {
  CreateFeedEntryBody,
  FeedEntryEnvelope,
  FeedEntryIdParams,
  FeedPageResource,
  ListFeedQuery,
  LiveStatsResource,
  UpdateFeedEntryBody,
} from './feed.schemas.js';
import type { FeedService } from './feed.service.js';

export interface FeedRoutesDeps {
  readonly feed: FeedService;
  readonly toResources: FeedResources;
  readonly requireActor: (request: FastifyRequest) => Actor;
  /** The live connections of this process. */
  readonly liveStats: () => FeedLiveStats;
}

function toEntryInput(body: CreateFeedEntryBody | UpdateFeedEntryBody): FeedEntryInput {
  return {
    title: body.title,
    markdown: body.markdown,
    body: body.body,
    slug: body.slug,
    pinned: body.pinned,
    keyEvent: body.key_event,
    postId: body.post_id,
    sections: body.sections,
    author: body.author,
    publishedAt: body.published_at === undefined ? undefined : new Date(body.published_at),
    revision: 'revision' in body ? body.revision : undefined,
  };
}

/**
 * Admin API for the news feed: `/api/admin/feed…`. Editors and above run the feed; this is
 * everything the CMS composer needs, and what newsroom tools post through.
 */
export function feedRoutes(deps: FeedRoutesDeps) {
  const { feed, requireActor } = deps;
  const tags = ['news feed'];
  const one = async (entry: FeedEntry) => {
    const [resource] = await deps.toResources([entry]);
    if (resource === undefined) throw new Error('A feed entry could not be shown.');
    return { entry: resource };
  };

  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/feed',
      {
        schema: {
          tags,
          summary: 'List feed entries, newest first, a page at a time',
          querystring: ListFeedQuery,
          response: { 200: FeedPageResource },
        },
      },
      async (request) => {
        const page = await feed.listEntriesFor(requireActor(request), request.query);
        return { ...page, entries: await deps.toResources(page.entries) };
      },
    );

    app.post(
      '/feed',
      {
        schema: {
          tags,
          summary: 'Post an entry from Markdown or a body document; it goes live at once',
          body: CreateFeedEntryBody,
          response: { 201: FeedEntryEnvelope },
        },
      },
      async (request, reply) => {
        const entry = await feed.createEntry(requireActor(request), toEntryInput(request.body));
        return reply.status(201).send(await one(entry));
      },
    );

    app.get(
      '/feed/live-stats',
      {
        schema: {
          tags,
          summary: 'Open live connections of the process that answers',
          response: { 200: LiveStatsResource },
        },
      },
      async (request) => {
        ensureCan(requireActor(request), 'feed.manage', 'see the live feed’s connections');
        const stats = deps.liveStats();
        return {
          connections: stats.connections,
          last_change_id: stats.lastChangeId,
          dropped_slow_clients: stats.droppedSlowClients,
        };
      },
    );

    app.get(
      '/feed/:id',
      {
        schema: {
          tags,
          summary: 'Read a feed entry',
          params: FeedEntryIdParams,
          response: { 200: FeedEntryEnvelope },
        },
      },
      async (request) => one(await feed.getEntryFor(requireActor(request), request.params.id)),
    );

    app.patch(
      '/feed/:id',
      {
        schema: {
          tags,
          summary: 'Change an entry; readers see "Updated" when its text changes',
          params: FeedEntryIdParams,
          body: UpdateFeedEntryBody,
          response: { 200: FeedEntryEnvelope },
        },
      },
      async (request) =>
        one(
          await feed.updateEntry(
            requireActor(request),
            request.params.id,
            toEntryInput(request.body),
          ),
        ),
    );

    app.delete(
      '/feed/:id',
      {
        schema: {
          tags,
          summary: 'Delete an entry; open pages remove it at once',
          params: FeedEntryIdParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await feed.deleteEntry(requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    for (const [action, pinned] of [
      ['pin', true],
      ['unpin', false],
    ] as const) {
      app.post(
        `/feed/:id/${action}`,
        {
          schema: {
            tags,
            summary: pinned ? 'Pin an entry to the top of the feed' : 'Unpin an entry',
            params: FeedEntryIdParams,
            response: { 200: FeedEntryEnvelope },
          },
        },
        async (request) =>
          one(await feed.setPinned(requireActor(request), request.params.id, pinned)),
      );
    }
  };
}
