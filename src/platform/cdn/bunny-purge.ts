import { sendPurgeRequest, type CdnPurgeApi } from './cdn-purge-api.js';

export interface BunnyPurgeOptions {
  /** The account API key. */
  readonly token: string;
  readonly pullZoneId: string;
  readonly apiUrl?: string | null;
}

/**
 * Bunny: `POST /pullzone/{id}/purgeCache` with `{"CacheTag": "…"}` and the key in an
 * `AccessKey` header. The API takes one tag a request, so each key is its own request.
 * Responses are tagged by the `CDN-Tag` header Masthead sends.
 */
export function createBunnyPurge(options: BunnyPurgeOptions): CdnPurgeApi {
  const base = options.apiUrl ?? 'https://api.bunny.net';
  const url = `${base}/pullzone/${encodeURIComponent(options.pullZoneId)}/purgeCache`;
  return {
    provider: 'bunny',
    maxKeysPerPurge: 1,
    async purge(keys) {
      for (const key of keys) {
        await sendPurgeRequest('bunny', url, {
          headers: { accesskey: options.token, 'content-type': 'application/json' },
          body: JSON.stringify({ CacheTag: key }),
        });
      }
    },
  };
}
