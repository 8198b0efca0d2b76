import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.js';
import type { AppInstance } from '../platform/http/app-instance.js';
import { decideEncoding } from './cache/page-cache.plugin.js';
import type { SiteAsset, SiteAssets } from './site-assets.js';

/** Sends a fingerprinted asset, compressed as the client accepts, cached for a year. */
export function sendAsset(
  request: FastifyRequest,
  reply: FastifyReply,
  asset: SiteAsset,
): FastifyReply {
  const encoding = decideEncoding(request.headers['accept-encoding']);
  reply
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('vary', 'Accept-Encoding');
  if (encoding !== null) reply.header('content-encoding', encoding);
  const body = encoding === 'br' ? asset.brotli : encoding === 'gzip' ? asset.gzip : asset.body;
  return reply.type(asset.contentType).send(body);
}

/** Fingerprinted CSS and scripts, cached for a year. */
export function assetRoutes(assets: SiteAssets) {
  return async (app: AppInstance): Promise<void> => {
    const send = async (request: FastifyRequest, reply: FastifyReply) => {
      const asset = assets.byUrl(request.url.split('?')[0] ?? '');
      if (asset === undefined) throw new AppError('not_found', 'This file was not found.');
      return sendAsset(request, reply, asset);
    };
    app.get('/assets/:file', { schema: { hide: true } }, send);
    app.get('/assets/islands/:file', { schema: { hide: true } }, send);
  };
}
