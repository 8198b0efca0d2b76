import { invalid, type FieldProblem } from '../../platform/errors.js';
import { isValidSlug, slugify } from '../content/slug.js';
import type { AtGoal, CampaignAudience, GoalKind, Placement, VariantStatus } from './campaign.js';

/** A campaign as the editor sends it; every field has been shape-checked at the edge. */
export interface CampaignInput {
  readonly name: string;
  readonly slug?: string | undefined;
  readonly goalKind: GoalKind;
  readonly goalTarget: number;
  readonly stretchTarget: number | null;
  readonly atGoal: AtGoal;
  readonly currency: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly sectionSlugs: readonly string[];
  readonly askAudiences: readonly CampaignAudience[];
  readonly thanksHeadline: string;
  readonly thanksBody: string;
  readonly capViews: number;
  readonly capDays: number;
}

export interface VariantInput {
  readonly placement: Placement;
  readonly name: string;
  readonly headline: string;
  readonly body: string;
  readonly weight: number;
  readonly status?: VariantStatus | undefined;
}

/** The rules between fields that a schema cannot state; throws `validation_failed`. */
export function checkCampaignInput(input: CampaignInput): { slug: string } {
  const problems: FieldProblem[] = [];
  const slug = input.slug === undefined || input.slug === '' ? slugify(input.name) : input.slug;
  if (!isValidSlug(slug)) {
    problems.push({ field: 'slug', message: 'use lower-case letters, digits and dashes' });
  }
  if (Number.isNaN(input.startsAt.getTime())) {
    problems.push({ field: 'starts_at', message: 'is not a date and time' });
  }
  if (Number.isNaN(input.endsAt.getTime())) {
    problems.push({ field: 'ends_at', message: 'is not a date and time' });
  } else if (input.endsAt.getTime() <= input.startsAt.getTime()) {
    problems.push({ field: 'ends_at', message: 'must be after the start' });
  }
  if (input.stretchTarget !== null && input.stretchTarget <= input.goalTarget) {
    problems.push({ field: 'stretch_target', message: 'must be above the goal' });
  }
  if (input.atGoal === 'stretch' && input.stretchTarget === null) {
    problems.push({ field: 'stretch_target', message: 'is needed to switch to a stretch goal' });
  }
  if (problems.length > 0) throw invalid(problems);
  return { slug };
}
