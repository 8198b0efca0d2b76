import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import type { Campaign } from './campaign.js';
import type { CampaignInput } from './campaign-input.js';
import { decideProgress } from './campaign-progress.js';
import type { CampaignService, LiveCampaign } from './campaign.service.js';
import {
  CampaignBody,
  CampaignCreateBody,
  CampaignResource,
  CampaignResultsResource,
  PreviewBody,
  PreviewResource,
  VariantBody,
  VariantPatch,
} from './campaign.resources.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const VariantParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  variantId: Type.String({ maxLength: 64 }),
});
const Envelope = Type.Object({ campaign: CampaignResource });

export function toCampaignResource(campaign: Campaign): CampaignResource {
  return {
    id: campaign.id,
    slug: campaign.slug,
    name: campaign.name,
    goal_kind: campaign.goalKind,
    goal_target: campaign.goalTarget,
    stretch_target: campaign.stretchTarget,
    at_goal: campaign.atGoal,
    currency: campaign.currency,
    starts_at: campaign.startsAt.toISOString(),
    ends_at: campaign.endsAt.toISOString(),
    section_slugs: [...campaign.sectionSlugs],
    ask_audiences: [...campaign.askAudiences],
    thanks_headline: campaign.thanksHeadline,
    thanks_body: campaign.thanksBody,
    cap_views: campaign.capViews,
    cap_days: campaign.capDays,
    variants: campaign.variants.map((v) => ({
      id: v.id,
      placement: v.placement,
      name: v.name,
      headline: v.headline,
      body: v.body,
      weight: v.weight,
      status: v.status,
    })),
    created_at: campaign.createdAt.toISOString(),
    updated_at: campaign.updatedAt.toISOString(),
  };
}

export function toCampaignInput(body: CampaignBody): CampaignInput {
  return {
    name: body.name,
    slug: body.slug,
    goalKind: body.goal_kind,
    goalTarget: body.goal_target,
    stretchTarget: body.stretch_target,
    atGoal: body.at_goal,
    currency: body.currency,
    startsAt: new Date(body.starts_at),
    endsAt: new Date(body.ends_at),
    sectionSlugs: body.section_slugs,
    askAudiences: body.ask_audiences,
    thanksHeadline: body.thanks_headline,
    thanksBody: body.thanks_body,
    capViews: body.cap_views,
    capDays: body.cap_days,
  };
}

export interface CampaignAdminRoutesDeps {
  readonly campaigns: CampaignService;
  readonly requireActor: (request: FastifyRequest) => Actor;
  /** Renders the placements of unsaved copy with the campaign's live figures (the site does). */
  readonly preview: (live: LiveCampaign, body: PreviewBody) => Promise<PreviewResource>;
}

/** Admin API for campaigns: editors and above make them, test their copy and read results. */
export function campaignAdminRoutes(deps: CampaignAdminRoutesDeps) {
  const { campaigns, requireActor } = deps;
  const tags = ['campaigns'];
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/campaigns',
      {
        schema: {
          tags,
          summary: 'Every campaign, the latest start first',
          response: { 200: Type.Object({ campaigns: Type.Array(CampaignResource) }) },
        },
      },
      async (request) => ({
        campaigns: (await campaigns.listCampaigns(requireActor(request))).map(toCampaignResource),
      }),
    );
    app.post(
      '/campaigns',
      {
        schema: {
          tags,
          summary: 'Start a campaign',
          body: CampaignCreateBody,
          response: { 201: Envelope },
        },
      },
      async (request, reply) => {
        const { variants = [], ...body } = request.body;
        const created = await campaigns.createCampaign(
          requireActor(request),
          toCampaignInput(body),
          variants,
        );
        return reply.status(201).send({ campaign: toCampaignResource(created) });
      },
    );
    app.get(
      '/campaigns/:id',
      { schema: { tags, summary: 'One campaign', params: IdParams, response: { 200: Envelope } } },
      async (request) => ({
        campaign: toCampaignResource(
          await campaigns.getCampaign(requireActor(request), request.params.id),
        ),
      }),
    );
    app.put(
      '/campaigns/:id',
      {
        schema: {
          tags,
          summary: 'Change a campaign (its variants have their own routes)',
          params: IdParams,
          body: CampaignBody,
          response: { 200: Envelope },
        },
      },
      async (request) => ({
        campaign: toCampaignResource(
          await campaigns.updateCampaign(
            requireActor(request),
            request.params.id,
            toCampaignInput(request.body),
          ),
        ),
      }),
    );
    app.get(
      '/campaigns/:id/results',
      {
        schema: {
          tags,
          summary: 'Progress, per-variant impressions, clicks and conversions, progress by day',
          params: IdParams,
          response: { 200: Type.Object({ results: CampaignResultsResource }) },
        },
      },
      async (request) => {
        const results = await campaigns.getResults(requireActor(request), request.params.id);
        return {
          results: {
            progress: results.progress,
            variants: results.variants.map((v) => ({
              variant_id: v.variantId,
              placement: v.placement,
              name: v.name,
              status: v.status,
              weight: v.weight,
              impressions: v.impressions,
              clicks: v.clicks,
              conversions: v.conversions,
              conversion: v.conversion,
            })),
            timeline: [...results.timeline],
          },
        };
      },
    );
    app.post(
      '/campaigns/:id/variants',
      {
        schema: {
          tags,
          summary: 'Add a copy variant to a placement',
          params: IdParams,
          body: VariantBody,
          response: { 201: Envelope },
        },
      },
      async (request, reply) => {
        const changed = await campaigns.addVariant(
          requireActor(request),
          request.params.id,
          request.body,
        );
        return reply.status(201).send({ campaign: toCampaignResource(changed) });
      },
    );
    app.patch(
      '/campaigns/:id/variants/:variantId',
      {
        schema: {
          tags,
          summary: 'Change a variant: its copy, weight, or stop it',
          params: VariantParams,
          body: VariantPatch,
          response: { 200: Envelope },
        },
      },
      async (request) => ({
        campaign: toCampaignResource(
          await campaigns.updateVariant(
            requireActor(request),
            request.params.id,
            request.params.variantId,
            request.body,
          ),
        ),
      }),
    );
    app.post(
      '/campaigns/:id/variants/:variantId/promote',
      {
        schema: {
          tags,
          summary: 'Make this variant the only one running in its placement',
          params: VariantParams,
          response: { 200: Envelope },
        },
      },
      async (request) => ({
        campaign: toCampaignResource(
          await campaigns.promoteVariant(
            requireActor(request),
            request.params.id,
            request.params.variantId,
          ),
        ),
      }),
    );
    app.post(
      '/campaigns/:id/preview',
      {
        schema: {
          tags,
          summary: 'Render unsaved copy as readers would see it, with the live figures',
          params: IdParams,
          body: PreviewBody,
          response: { 200: Type.Object({ preview: PreviewResource }) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const campaign = await campaigns.getCampaign(actor, request.params.id);
        const live = await campaigns.findProgress(campaign.id);
        if (live === null) throw new Error('A campaign just read has no progress.');
        const { goal_target: goalTarget, stretch_target: stretchTarget } = request.body;
        const unsaved = {
          ...campaign,
          goalTarget: goalTarget ?? campaign.goalTarget,
          stretchTarget: stretchTarget === undefined ? campaign.stretchTarget : stretchTarget,
        };
        const progress = decideProgress({ ...unsaved, ...live.progress });
        return { preview: await deps.preview({ campaign: unsaved, progress }, request.body) };
      },
    );
  };
}
