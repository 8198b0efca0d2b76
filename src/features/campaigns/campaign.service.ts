import type { Db, Executor } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../staff/actor.js';
import type { AuditService } from '../staff/audit.service.js';
import { ensureCan } from '../staff/permissions.js';
import { toCampaign, type Campaign, type Placement } from './campaign.js';
import { countWindowOf, supporterKinds } from './campaign-counting.js';
import './campaign-events.js';
import { checkCampaignInput, type CampaignInput, type VariantInput } from './campaign-input.js';
import { decideProgress, type CampaignProgress } from './campaign-progress.js';
import * as repo from './campaign.repository.js';
import type { CampaignTable } from './campaign.table.js';
import { wilsonInterval, type RateInterval } from './wilson-interval.js';

export interface CampaignServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly events: EventOutbox;
}

/** A running campaign with its figures, as reader pages show it. */
export interface LiveCampaign {
  readonly campaign: Campaign;
  readonly progress: CampaignProgress;
}

export interface VariantResult {
  readonly variantId: string;
  readonly placement: Placement;
  readonly name: string;
  readonly status: string;
  readonly weight: number;
  readonly impressions: number;
  readonly clicks: number;
  readonly conversions: number;
  /** Conversions per impression, with its 95 % Wilson interval. */
  readonly conversion: RateInterval;
}

export interface CampaignResults {
  readonly progress: CampaignProgress;
  readonly variants: readonly VariantResult[];
  /** Cumulative count at the end of each day with contributions. */
  readonly timeline: readonly { readonly day: string; readonly total: number }[];
}

export interface WallEntry {
  readonly name: string;
  readonly city: string;
  readonly at: Date;
}

/** Reader pages ask this often at most; a contribution clears it at once in every process. */
const liveMemoMs = 2_000;
export const wallPageSize = 50;
export const maxImpressionBatch = 20;

export type CampaignService = ReturnType<typeof createCampaignService>;

export function createCampaignService(deps: CampaignServiceDeps) {
  const { db, clock, audit, events } = deps;
  let liveMemo: { at: number; value: LiveCampaign | null } | null = null;
  const progressMemo = new Map<string, { at: number; value: LiveCampaign }>();

  async function loadCampaign(executor: Executor, id: string): Promise<Campaign> {
    const row = await repo.findCampaignRow(executor, id);
    if (row === undefined) throw notFound('That campaign');
    return toCampaign(row, await repo.listVariantRows(executor, [id]));
  }

  async function progressOf(executor: Executor, campaign: Campaign): Promise<CampaignProgress> {
    const [count, supporters] = await Promise.all([
      repo.countContributions(executor, countWindowOf(campaign)),
      repo.countSupporters(executor, supporterKinds),
    ]);
    return decideProgress({ ...campaign, count, supporters });
  }

  function toRow(input: CampaignInput, slug: string): Omit<CampaignTable, 'id' | 'created_at'> {
    return {
      slug,
      name: input.name,
      goal_kind: input.goalKind,
      goal_target: input.goalTarget,
      stretch_target: input.stretchTarget,
      at_goal: input.atGoal,
      currency: input.currency.toUpperCase(),
      starts_at: toTimestamp(input.startsAt),
      ends_at: toTimestamp(input.endsAt),
      section_slugs: JSON.stringify(input.sectionSlugs),
      ask_audiences: JSON.stringify(input.askAudiences),
      thanks_headline: input.thanksHeadline,
      thanks_body: input.thanksBody,
      cap_views: input.capViews,
      cap_days: input.capDays,
      updated_at: toTimestamp(clock.now()),
    };
  }

  async function ensureSlugFree(executor: Executor, slug: string, exceptId?: string) {
    const taken = await repo.findCampaignRowBySlug(executor, slug);
    if (taken !== undefined && taken.id !== exceptId) {
      throw new AppError('slug_taken', `Another campaign already uses the address ${slug}.`, [
        { field: 'slug', message: 'is taken' },
      ]);
    }
  }

  /** A staff change: audited, announced with `campaign.changed`, delivered after commit. */
  async function change(
    actor: Actor,
    campaignId: string,
    action: string,
    work: (trx: Executor) => Promise<void>,
  ): Promise<Campaign> {
    ensureCan(actor, 'campaigns.manage', 'change campaigns');
    await db.transaction().execute(async (trx) => {
      await work(trx);
      await audit.record(trx, actor, action, { type: 'campaign', id: campaignId });
      await events.record(trx, 'campaign.changed', { campaignId });
    });
    await events.deliver();
    return loadCampaign(db, campaignId);
  }

  async function nextPosition(executor: Executor, id: string, placement: Placement) {
    const rows = await repo.listVariantRows(executor, [id]);
    return rows.filter((r) => r.placement === placement).length;
  }

  return {
    /** Forgets remembered figures; called on every campaign event in this process. */
    forget(): void {
      liveMemo = null;
      progressMemo.clear();
    },

    async listCampaigns(actor: Actor): Promise<Campaign[]> {
      ensureCan(actor, 'campaigns.manage', 'see campaigns');
      const rows = await repo.listCampaignRows(db);
      const variants = await repo.listVariantRows(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((row) =>
        toCampaign(
          row,
          variants.filter((v) => v.campaign_id === row.id),
        ),
      );
    },

    async getCampaign(actor: Actor, id: string): Promise<Campaign> {
      ensureCan(actor, 'campaigns.manage', 'see campaigns');
      return loadCampaign(db, id);
    },

    async createCampaign(
      actor: Actor,
      input: CampaignInput,
      variants: readonly VariantInput[] = [],
    ): Promise<Campaign> {
      const { slug } = checkCampaignInput(input);
      const id = newId();
      const now = toTimestamp(clock.now());
      return change(actor, id, 'campaign.create', async (trx) => {
        await ensureSlugFree(trx, slug);
        await repo.insertCampaign(trx, { id, created_at: now, ...toRow(input, slug) });
        const positions = new Map<Placement, number>();
        for (const variant of variants) {
          const position = positions.get(variant.placement) ?? 0;
          positions.set(variant.placement, position + 1);
          await repo.insertVariant(trx, {
            id: newId(),
            campaign_id: id,
            placement: variant.placement,
            name: variant.name,
            headline: variant.headline,
            body: variant.body,
            weight: variant.weight,
            status: variant.status ?? 'running',
            position,
            created_at: now,
          });
        }
      });
    },

    async updateCampaign(actor: Actor, id: string, input: CampaignInput): Promise<Campaign> {
      const { slug } = checkCampaignInput(input);
      return change(actor, id, 'campaign.update', async (trx) => {
        await loadCampaign(trx, id);
        await ensureSlugFree(trx, slug, id);
        await repo.updateCampaign(trx, id, toRow(input, slug));
      });
    },

    async addVariant(actor: Actor, id: string, input: VariantInput): Promise<Campaign> {
      return change(actor, id, 'campaign.variant-add', async (trx) => {
        await loadCampaign(trx, id);
        await repo.insertVariant(trx, {
          id: newId(),
          campaign_id: id,
          placement: input.placement,
          name: input.name,
          headline: input.headline,
          body: input.body,
          weight: input.weight,
          status: input.status ?? 'running',
          position: await nextPosition(trx, id, input.placement),
          created_at: toTimestamp(clock.now()),
        });
      });
    },

    async updateVariant(
      actor: Actor,
      id: string,
      variantId: string,
      input: Partial<VariantInput>,
    ): Promise<Campaign> {
      return change(actor, id, 'campaign.variant-update', async (trx) => {
        const campaign = await loadCampaign(trx, id);
        if (!campaign.variants.some((v) => v.id === variantId)) throw notFound('That variant');
        await repo.updateVariant(trx, variantId, {
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.headline === undefined ? {} : { headline: input.headline }),
          ...(input.body === undefined ? {} : { body: input.body }),
          ...(input.weight === undefined ? {} : { weight: input.weight }),
          ...(input.status === undefined ? {} : { status: input.status }),
        });
      });
    },

    /** Makes one variant the only one running in its placement. */
    async promoteVariant(actor: Actor, id: string, variantId: string): Promise<Campaign> {
      return change(actor, id, 'campaign.variant-promote', async (trx) => {
        const campaign = await loadCampaign(trx, id);
        const winner = campaign.variants.find((v) => v.id === variantId);
        if (winner === undefined) throw notFound('That variant');
        for (const variant of campaign.variants) {
          if (variant.placement !== winner.placement) continue;
          await repo.updateVariant(trx, variant.id, {
            status: variant.id === winner.id ? 'running' : 'stopped',
          });
        }
      });
    },

    async getResults(actor: Actor, id: string): Promise<CampaignResults> {
      ensureCan(actor, 'campaigns.manage', 'see campaign results');
      const campaign = await loadCampaign(db, id);
      const [progress, conversions, days] = await Promise.all([
        progressOf(db, campaign),
        repo.countConversionsByVariant(db, id),
        repo.countContributionsByDay(db, countWindowOf(campaign)),
      ]);
      const byVariant = new Map(conversions.map((c) => [c.variant_id, Number(c.conversions)]));
      let total = 0;
      const money = campaign.goalKind === 'money';
      return {
        progress,
        variants: campaign.variants.map((v) => {
          const converted = byVariant.get(v.id) ?? 0;
          return {
            variantId: v.id,
            placement: v.placement,
            name: v.name,
            status: v.status,
            weight: v.weight,
            impressions: v.impressions,
            clicks: v.clicks,
            conversions: converted,
            conversion: wilsonInterval(converted, Math.max(v.impressions, converted)),
          };
        }),
        timeline: days.map((d) => {
          total += money ? Number(d.amount ?? 0) : Number(d.contributions);
          return { day: d.day, total };
        }),
      };
    },

    /** The campaign reader pages show now, with its figures; remembered for two seconds. */
    async findLiveCampaign(): Promise<LiveCampaign | null> {
      const nowMs = clock.now().getTime();
      if (liveMemo !== null && nowMs - liveMemo.at < liveMemoMs) return liveMemo.value;
      const rows = await repo.listCampaignRowsRunningAt(db, toTimestamp(clock.now()));
      let value: LiveCampaign | null = null;
      for (const row of rows) {
        const campaign = toCampaign(row, await repo.listVariantRows(db, [row.id]));
        const progress = await progressOf(db, campaign);
        if (progress.phase === 'ended') continue;
        value = { campaign, progress };
        break;
      }
      liveMemo = { at: nowMs, value };
      return value;
    },

    /** The figures of one campaign for its live endpoint; null when there is none. */
    async findProgress(id: string): Promise<LiveCampaign | null> {
      const nowMs = clock.now().getTime();
      const memo = progressMemo.get(id);
      if (memo !== undefined && nowMs - memo.at < liveMemoMs) return memo.value;
      const row = await repo.findCampaignRow(db, id);
      if (row === undefined) return null;
      const campaign = toCampaign(row, []);
      const value = { campaign, progress: await progressOf(db, campaign) };
      if (progressMemo.size > 100) progressMemo.clear();
      progressMemo.set(id, { at: nowMs, value });
      return value;
    },

    async findCampaignBySlug(slug: string): Promise<LiveCampaign | null> {
      const row = await repo.findCampaignRowBySlug(db, slug);
      if (row === undefined) return null;
      const campaign = toCampaign(row, await repo.listVariantRows(db, [row.id]));
      return { campaign, progress: await progressOf(db, campaign) };
    },

    /** Counts impressions of the variants a reader was shown; unknown ids are ignored. */
    async recordImpressions(campaignId: string, variantIds: readonly string[]): Promise<number> {
      let counted = 0;
      for (const variantId of new Set(variantIds).values()) {
        counted += await repo.addToVariantCounter(db, campaignId, 'impressions', variantId, 1);
      }
      return counted;
    },

    async recordClick(campaignId: string, variantId: string): Promise<boolean> {
      return (await repo.addToVariantCounter(db, campaignId, 'clicks', variantId, 1)) > 0;
    },

    async listWall(
      campaign: Campaign,
      page: number,
    ): Promise<{ entries: WallEntry[]; more: boolean }> {
      const rows = await repo.listWallRows(
        db,
        { from: campaign.startsAt.toISOString(), until: campaign.endsAt.toISOString() },
        wallPageSize + 1,
        (page - 1) * wallPageSize,
      );
      return {
        entries: rows.slice(0, wallPageSize).map((r) => ({
          name: r.wall_first_name === null || r.wall_first_name === '' ? '' : r.wall_first_name,
          city: r.wall_city ?? '',
          at: new Date(r.occurred_at),
        })),
        more: rows.length > wallPageSize,
      };
    },
  };
}
