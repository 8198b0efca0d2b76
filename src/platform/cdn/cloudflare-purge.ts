import { sendPurgeRequest, type CdnPurgeApi } from './cdn-purge-api.js';

export interface CloudflarePurgeOptions {
  /** An API token with the Cache Purge permission on the zone. */
  readonly token: string;
  readonly zoneId: string;
  readonly apiUrl?: string | null;
}

/**
 * Cloudflare: `POST /zones/{zone_id}/purge_cache` with `{"tags": […]}` and
 * `Authorization: Bearer <token>`; up to 30 tags a request on every plan. Responses are
 * tagged by the `Cache-Tag` header Masthead sends.
 */
export function createCloudflarePurge(options: CloudflarePurgeOptions): CdnPurgeApi {
  const base = options.apiUrl ?? 'https://api.cloudflare.com/client/v4';
  const url = `${base}/zones/${encodeURIComponent(options.zoneId)}/purge_cache`;
  return {
    provider: 'cloudflare',
    maxKeysPerPurge: 30,
    purge: (keys) =>
      sendPurgeRequest('cloudflare', url, {
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ tags: keys }),
      }),
  };
}
