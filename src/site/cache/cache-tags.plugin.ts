import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { CdnKind } from '../../config/config.js';
import { decideCacheTagHeader, type CacheTagHeader } from './cache-tags.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The header that carries a response's cache tags, chosen by the configured CDN. */
    cacheTagHeader: CacheTagHeader;
  }
  interface FastifyReply {
    /** The tags of what this response shows; null when it is not a tagged reader page. */
    cacheTags: readonly string[] | null;
  }
}

/** Lets `setCacheTags` name a response's tags in the header the configured CDN reads. */
export const cacheTagsPlugin = fastifyPlugin(
  async (app: FastifyInstance, options: { readonly cdn: CdnKind | null }) => {
    app.decorate('cacheTagHeader', decideCacheTagHeader(options.cdn));
    app.decorateReply('cacheTags', null);
  },
  { name: 'masthead-cache-tags', fastify: '5.x' },
);
