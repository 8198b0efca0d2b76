import type { CdnConfig } from '../../config/config.js';
import { createBunnyPurge } from './bunny-purge.js';
import type { CdnPurgeApi } from './cdn-purge-api.js';
import { createCloudflarePurge } from './cloudflare-purge.js';
import { createFastlyPurge } from './fastly-purge.js';

/** The purge API of the configured CDN, or null when Masthead has no CDN in front. */
export function chooseCdnPurgeApi(cdn: CdnConfig | null): CdnPurgeApi | null {
  if (cdn === null) return null;
  switch (cdn.provider) {
    case 'fastly':
      return createFastlyPurge({ token: cdn.token, serviceId: cdn.zone, apiUrl: cdn.apiUrl });
    case 'cloudflare':
      return createCloudflarePurge({ token: cdn.token, zoneId: cdn.zone, apiUrl: cdn.apiUrl });
    case 'bunny':
      return createBunnyPurge({ token: cdn.token, pullZoneId: cdn.zone, apiUrl: cdn.apiUrl });
  }
}
