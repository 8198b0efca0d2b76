import type { Placement } from '../../features/campaigns/campaign.js';
import type { CardMark } from './campaign-assets.js';
import type { CampaignFigures } from './campaign-figures.js';

export interface VariantView {
  readonly id: string;
  readonly weight: number;
  readonly headline: string;
  /** Sanitised HTML from `renderCampaignCopy`. */
  readonly copyHtml: string;
}

/** One placement of one campaign as rendered into a cached page. */
export interface PlacementView {
  readonly campaignId: string;
  readonly placement: Exclude<Placement, 'newsletter'>;
  readonly kind: 'ask' | 'thanks';
  /** The ask's running variants (the first is shown without JavaScript), or the thanks. */
  readonly variants: readonly VariantView[];
  readonly figures: CampaignFigures;
  readonly liveUrl: string;
  readonly wallUrl: string;
  /** `views/days`: the appeal is shown at most this often to one reader; `0/0` is no cap. */
  readonly cap: string;
  readonly cards: readonly CardMark[];
  /** Set on the one placement that loads the island. */
  readonly islandUrl: string | null;
}

/** The campaign's marker: a page carrying it differs by audience and shows live figures. */
export const placementMarker = '<section data-campaign-placement=';

export function clickUrl(campaignId: string, variantId: string, to: 'membership' | 'gift'): string {
  return `/campaigns/${campaignId}/click?variant=${variantId}&to=${to}`;
}

/** Each landmark on a page has its own name. */
const regionLabels = {
  banner: { ask: 'Support our journalism', thanks: 'Thank you' },
  appeal: { ask: 'Our appeal to readers', thanks: 'Our thanks to you' },
} as const;

function Progress({ figures }: { figures: CampaignFigures }) {
  return (
    <div class="campaign-progress">
      <progress
        max={figures.max}
        value={figures.value}
        aria-label="Progress toward the goal"
        data-campaign-progress=""
      >
        {figures.count} of {figures.goal}
      </progress>
      <p class="campaign-progress-text">
        <span data-campaign-figure="count">{figures.count}</span> of{' '}
        <span data-campaign-figure="goal">{figures.goal}</span> {figures.unit}
      </p>
    </div>
  );
}

function Buttons({ campaignId, variantId }: { campaignId: string; variantId: string }) {
  return (
    <p class="campaign-buttons">
      <a class="button" href={clickUrl(campaignId, variantId, 'membership')}>
        Become a member
      </a>
      <a class="button button-secondary" href={clickUrl(campaignId, variantId, 'gift')}>
        Gift membership
      </a>
    </p>
  );
}

function Cards({ cards }: { cards: readonly CardMark[] }) {
  if (cards.length === 0) return null;
  return (
    <p class="campaign-cards">
      <span class="visually-hidden">We accept </span>
      {cards.map((card) => (
        <img key={card.url} src={card.url} alt={card.alt} width={48} height={30} />
      ))}
    </p>
  );
}

/** The banner at the top of every page, or the appeal after the article body. */
export function CampaignPlacement({ view }: { view: PlacementView }) {
  const appeal = view.placement === 'appeal';
  const Heading = appeal ? 'h2' : 'p';
  return (
    <section
      data-campaign-placement={view.placement}
      class={`campaign campaign-${view.placement} campaign-${view.kind}`}
      aria-label={regionLabels[view.placement][view.kind]}
      data-campaign={view.campaignId}
      data-live={view.liveUrl}
      data-cap={view.cap}
      data-kind={view.kind}
    >
      <div class="wrap">
        {view.variants.map((variant, index) => (
          <div
            key={variant.id}
            class="campaign-variant"
            data-variant={variant.id}
            data-weight={String(variant.weight)}
            hidden={index > 0}
          >
            <Heading class="campaign-headline">{variant.headline}</Heading>
            <div class="campaign-copy" dangerouslySetInnerHTML={{ __html: variant.copyHtml }} />
            {view.kind === 'ask' && <Buttons campaignId={view.campaignId} variantId={variant.id} />}
          </div>
        ))}
        <Progress figures={view.figures} />
        {view.kind === 'thanks' && (
          <p>
            <a href={view.wallUrl}>See who made it possible</a>
          </p>
        )}
        {appeal && view.kind === 'ask' && <Cards cards={view.cards} />}
        {!appeal && view.kind === 'ask' && (
          <button type="button" class="campaign-dismiss" data-campaign-dismiss="" hidden>
            Not now<span class="visually-hidden">: hide this appeal</span>
          </button>
        )}
      </div>
      {view.islandUrl !== null && <script type="module" src={view.islandUrl}></script>}
    </section>
  );
}
