import type { Db } from '../../db/database.js';
import { toTimestamp } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { systemActor } from '../staff/actor.js';
import type { CampaignService } from './campaign.service.js';
import { insertContributions } from './campaign.repository.js';
import type { CampaignContributionTable } from './campaign.table.js';

const dayMs = 24 * 60 * 60 * 1000;
const firstNames = ['Olena', 'Tomas', 'Ada', 'Ivo', 'Nadia', 'Maren', 'Jonas', 'Sofia', 'Emil', ''];
const cities = ['Kyiv', 'Bergen', 'Malmö', 'Aarhus', 'Lviv', 'Tallinn', 'Gdańsk', ''];

/**
 * The demo's birthday drive, like the reference page's: 1,000 new members wanted, 640
 * already in, 12,000 supporters in all. The contributions stand in for past payments and
 * are written in one transaction, not one event each.
 */
export async function seedDemoCampaign(
  deps: { db: Db; campaigns: CampaignService },
  now: Date,
): Promise<void> {
  const startsAt = new Date(now.getTime() - 10 * dayMs);
  await deps.campaigns.createCampaign(
    systemActor,
    {
      name: 'Birthday drive',
      slug: 'birthday',
      goalKind: 'members',
      goalTarget: 1000,
      stretchTarget: 1500,
      atGoal: 'stretch',
      currency: 'EUR',
      startsAt,
      endsAt: new Date(now.getTime() + 20 * dayMs),
      sectionSlugs: [],
      askAudiences: ['anonymous', 'member'],
      thanksHeadline: 'Thank you for keeping the Ledger going',
      thanksBody: 'You are one of **{supporters}** supporters who make our reporting possible.',
      capViews: 4,
      capDays: 30,
    },
    [
      {
        placement: 'banner',
        name: 'Birthday',
        headline: 'Three years of reporting, funded by our readers — become a member now',
        body: 'Goal: **{goal} new members** for our birthday.',
        weight: 1,
      },
      {
        placement: 'appeal',
        name: 'One in 10,000',
        headline: 'Help us get {goal} new members!',
        body: 'Millions read the Ledger, but only one in 10,000 readers makes a financial contribution. All thanks to **{supporters}** supporters — {remaining} to go.',
        weight: 1,
      },
      {
        placement: 'appeal',
        name: 'Independence',
        headline: 'No owner, no advertiser: just readers',
        body: 'Our reporting answers to **{supporters}** supporters. Join them: only {remaining} new members to go.',
        weight: 1,
      },
      {
        placement: 'newsletter',
        name: 'Newsletter',
        headline: 'Help us get {goal} new members',
        body: '{count} readers joined this month. Will you?',
        weight: 1,
      },
    ],
  );
  const rows: CampaignContributionTable[] = [];
  const row = (i: number, at: number, kind: string, wall: boolean): CampaignContributionTable => ({
    id: newId(),
    kind,
    amount_minor: kind === 'donation' ? 2500 : 900,
    currency: 'EUR',
    occurred_at: toTimestamp(new Date(at)),
    member_id: null,
    campaign_id: null,
    variant_id: null,
    on_wall: wall ? 1 : 0,
    wall_first_name: wall ? (firstNames[i % firstNames.length] ?? '') : null,
    wall_city: wall ? (cities[i % cities.length] ?? '') : null,
    recorded_at: toTimestamp(now),
  });
  // 11,360 supporters from the three years before the drive…
  for (let i = 0; i < 11_360; i += 1) {
    const at = startsAt.getTime() - (1 + (i % 1000)) * dayMs;
    rows.push(row(i, at, i % 4 === 0 ? 'donation' : 'paying_member', false));
  }
  // …and 640 new members in the drive's first ten days, some on the thank-you wall.
  for (let i = 0; i < 640; i += 1) {
    const at = startsAt.getTime() + Math.floor(((i + 0.5) / 640) * 10 * dayMs) - 60_000;
    rows.push(
      row(
        i,
        Math.min(at, now.getTime() - 60_000),
        i % 5 === 0 ? 'gift' : 'paying_member',
        i % 16 === 0,
      ),
    );
  }
  await deps.db.transaction().execute((trx) => insertContributions(trx, rows));
  deps.campaigns.forget();
}
