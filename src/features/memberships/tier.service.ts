import type { Db } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, invalid, type FieldProblem } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../staff/actor.js';
import type { AuditService } from '../staff/audit.service.js';
import { ensureCan } from '../staff/permissions.js';
import { currencyPattern, type Price, type Tier } from './tier.js';
import type { MembershipPriceRow, MembershipTierRow } from './memberships.table.js';
import * as repo from './tier.repository.js';

export interface TierInput {
  readonly name: string;
  readonly slug: string;
  readonly benefits: string;
  readonly position: number;
  readonly active: boolean;
  readonly prices: readonly Omit<Price, 'id'>[];
}

function toTier(row: MembershipTierRow, prices: readonly MembershipPriceRow[]): Tier {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    benefits: row.benefits
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    position: row.position,
    active: row.active === 1,
    prices: prices
      .filter((price) => price.tier_id === row.id)
      .map((price) => ({
        id: price.id,
        interval: price.interval === 'year' ? 'year' : 'month',
        currency: price.currency,
        amount: price.amount,
        payWhatYouWant: price.pay_what_you_want === 1,
      })),
  };
}

function check(input: TierInput): void {
  const problems: FieldProblem[] = [];
  if (input.name.trim() === '' || input.name.length > 80) {
    problems.push({ field: 'name', message: 'use 1 to 80 characters' });
  }
  if (!/^[a-z0-9][a-z0-9-]{0,59}$/.test(input.slug)) {
    problems.push({ field: 'slug', message: 'use lower-case letters, digits and hyphens' });
  }
  if (input.benefits.length > 2000) problems.push({ field: 'benefits', message: 'is too long' });
  if (input.prices.length === 0)
    problems.push({ field: 'prices', message: 'add at least one price' });
  const seen = new Set<string>();
  input.prices.forEach((price, index) => {
    const key = `${price.interval}:${price.currency}`;
    if (!currencyPattern.test(price.currency)) {
      problems.push({
        field: `prices.${index}.currency`,
        message: 'use a code such as eur or usd',
      });
    }
    if (!Number.isInteger(price.amount) || price.amount < 50 || price.amount > 10_000_000) {
      problems.push({ field: `prices.${index}.amount`, message: 'use an amount of at least 0.50' });
    }
    if (seen.has(key)) {
      problems.push({ field: `prices.${index}`, message: 'one price per interval and currency' });
    }
    seen.add(key);
  });
  if (problems.length > 0) throw invalid(problems);
}

export type TierService = ReturnType<typeof createTierService>;

/** The offers: tiers and their prices, as staff set them and readers see them. */
export function createTierService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  async function list(activeOnly: boolean): Promise<Tier[]> {
    const { tiers, prices } = await repo.listTierRows(db, activeOnly);
    return tiers.map((row) => toTier(row, prices));
  }

  async function save(actor: Actor, id: string | null, input: TierInput): Promise<Tier> {
    ensureCan(actor, 'revenue.manage', 'change membership tiers');
    check(input);
    const at = toTimestamp(clock.now());
    const tierId = id ?? newId();
    await db.transaction().execute(async (trx) => {
      if (await repo.isTierSlugTaken(trx, input.slug, tierId)) {
        throw new AppError('slug_taken', 'Another tier has that slug. Choose another one.', [
          { field: 'slug', message: 'another tier has this slug' },
        ]);
      }
      const columns = {
        slug: input.slug,
        name: input.name.trim(),
        benefits: input.benefits.trim(),
        position: input.position,
        active: input.active ? 1 : 0,
        updated_at: at,
      };
      if (id === null) {
        await repo.insertTierRow(trx, tierId, columns, at);
      } else if (!(await repo.updateTierRow(trx, id, columns))) {
        throw new AppError('not_found', 'There is no such tier.');
      }
      await repo.insertPriceRows(
        trx,
        input.prices.map((price) => ({
          id: newId(),
          tier_id: tierId,
          interval: price.interval,
          currency: price.currency,
          amount: price.amount,
          pay_what_you_want: price.payWhatYouWant ? 1 : 0,
        })),
      );
      await audit.record(trx, actor, id === null ? 'tier.created' : 'tier.changed', {
        type: 'tier',
        id: tierId,
      });
    });
    const saved = (await list(false)).find((tier) => tier.id === tierId);
    if (saved === undefined) throw new AppError('not_found', 'There is no such tier.');
    return saved;
  }

  return {
    listOffers: () => list(true),
    listTiers(actor: Actor): Promise<Tier[]> {
      ensureCan(actor, 'revenue.read', 'see membership tiers');
      return list(false);
    },
    createTier: (actor: Actor, input: TierInput) => save(actor, null, input),
    updateTier: (actor: Actor, id: string, input: TierInput) => save(actor, id, input),
    async findPrice(priceId: string): Promise<{ tier: Tier; price: Price } | null> {
      for (const tier of await list(true)) {
        const price = tier.prices.find((p) => p.id === priceId);
        if (price !== undefined) return { tier, price };
      }
      return null;
    },
  };
}
