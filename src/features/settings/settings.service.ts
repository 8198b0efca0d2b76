import type { Db } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import { invalid } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import './settings-events.js';
import type { Actor } from '../staff/actor.js';
import type { AuditService } from '../staff/audit.service.js';
import { ensureCan } from '../staff/permissions.js';
import { defaultSiteSettings, type SiteSettings } from './site-settings.js';
import { findSetting, upsertSetting } from './settings.repository.js';

export interface SettingsServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  /** MASTHEAD_TIMEZONE, which wins over the stored setting. */
  readonly timezoneOverride: string | null;
  readonly events: EventOutbox;
  /** Where changes made by any process are heard. */
  readonly bus: Pick<EventBus, 'subscribe'>;
}

const key = 'site';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>;

export function createSettingsService(deps: SettingsServiceDeps) {
  const { db, clock, audit } = deps;
  let cached: SiteSettings | undefined;
  // Another process may have changed them: forget the copy in memory.
  deps.bus.subscribe('settings.changed', () => {
    cached = undefined;
  });

  async function read(): Promise<SiteSettings> {
    const raw = await findSetting(db, key);
    const stored = raw === undefined ? {} : (JSON.parse(raw) as Partial<SiteSettings>);
    const merged = { ...defaultSiteSettings, ...stored };
    return deps.timezoneOverride === null ? merged : { ...merged, timezone: deps.timezoneOverride };
  }

  return {
    /** Read often (every page), so kept in memory and refreshed on change. */
    async getSiteSettings(): Promise<SiteSettings> {
      cached ??= await read();
      return cached;
    },

    forget(): void {
      cached = undefined;
    },

    async updateSiteSettings(actor: Actor, changes: Partial<SiteSettings>): Promise<SiteSettings> {
      ensureCan(actor, 'settings.manage', 'change site settings');
      if (changes.timezone !== undefined && !isTimeZone(changes.timezone)) {
        throw invalid([
          { field: 'timezone', message: 'use an IANA time zone such as Europe/Kyiv' },
        ]);
      }
      if (changes.title !== undefined && changes.title.trim() === '') {
        throw invalid([{ field: 'title', message: 'the site needs a title' }]);
      }
      const next = await db.transaction().execute(async (trx) => {
        const raw = await findSetting(trx, key);
        const stored = raw === undefined ? {} : (JSON.parse(raw) as Partial<SiteSettings>);
        const merged = { ...stored, ...changes };
        await upsertSetting(trx, key, JSON.stringify(merged), clock.now().toISOString());
        await audit.record(
          trx,
          actor,
          'settings.update',
          { type: 'settings', id: key },
          { fields: Object.keys(changes) },
        );
        await deps.events.record(trx, 'settings.changed', { fields: Object.keys(changes) });
        return merged;
      });
      cached = undefined;
      await deps.events.deliver();
      return { ...defaultSiteSettings, ...next };
    },
  };
}
