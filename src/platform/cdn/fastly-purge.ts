import { sendPurgeRequest, type CdnPurgeApi } from './cdn-purge-api.js';

export interface FastlyPurgeOptions {
  /** A Fastly API token with purge rights. */
  readonly token: string;
  readonly serviceId: string;
  readonly apiUrl?: string | null;
}

/**
 * Fastly: `POST /service/{service_id}/purge` with the keys, space-separated, in a
 * `Surrogate-Key` header and the token in `Fastly-Key`; up to 256 keys a request.
 * Responses are tagged by the `Surrogate-Key` header Masthead sends.
 */
export function createFastlyPurge(options: FastlyPurgeOptions): CdnPurgeApi {
  const base = options.apiUrl ?? 'https://api.fastly.com';
  const url = `${base}/service/${encodeURIComponent(options.serviceId)}/purge`;
  return {
    provider: 'fastly',
    maxKeysPerPurge: 256,
    purge: (keys) =>
      sendPurgeRequest('fastly', url, {
        headers: {
          'fastly-key': options.token,
          'surrogate-key': keys.join(' '),
          accept: 'application/json',
        },
      }),
  };
}
