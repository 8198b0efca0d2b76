/**
 * A CDN's purge-by-key API. One adapter per provider (`fastly-purge.ts`,
 * `cloudflare-purge.ts`, `bunny-purge.ts`), chosen at start by `choose-cdn-purge-api.ts`.
 */
export interface CdnPurgeApi {
  readonly provider: string;
  /** Most keys one `purge` call accepts; callers split longer lists. */
  readonly maxKeysPerPurge: number;
  /** Purges every cached response carrying any of `keys`; rejects when the CDN refused. */
  purge(keys: readonly string[]): Promise<void>;
}

/** Thrown for an answer other than success; a 5xx or 429 is worth retrying, others rarely. */
export class CdnPurgeError extends Error {
  constructor(
    readonly provider: string,
    readonly status: number,
    detail: string,
  ) {
    super(`${provider} refused the purge with HTTP ${status}: ${detail.slice(0, 300)}`);
    this.name = 'CdnPurgeError';
  }
}

/** Sends one purge request and throws a `CdnPurgeError` unless it succeeded. */
export async function sendPurgeRequest(
  provider: string,
  url: string,
  init: { readonly headers: Record<string, string>; readonly body?: string },
): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: init.headers,
    ...(init.body === undefined ? {} : { body: init.body }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  if (!response.ok) throw new CdnPurgeError(provider, response.status, text);
}
