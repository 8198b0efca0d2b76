import type { AtGoal } from './campaign.js';

/** Where a campaign stands: the figures its copy and progress bar show. */
export interface CampaignProgress {
  /** Contributions counted toward the goal inside the window (minor units for money). */
  readonly count: number;
  /** The target shown now: the goal, or the stretch goal once the goal is reached. */
  readonly target: number;
  readonly remaining: number;
  /** All supporters ever (distinct members where known). */
  readonly supporters: number;
  /**
   * asking: below the target; stretching: past the goal, asking toward the stretch goal;
   * thanking: at the goal, thanking instead of asking; ended: at the goal, nothing shown.
   */
  readonly phase: 'asking' | 'stretching' | 'thanking' | 'ended';
}

export interface ProgressInput {
  readonly goalTarget: number;
  readonly stretchTarget: number | null;
  readonly atGoal: AtGoal;
  readonly count: number;
  readonly supporters: number;
}

/** The campaign's choice at its goal: keep counting toward a stretch goal, thank, or end. */
export function decideProgress(input: ProgressInput): CampaignProgress {
  const { goalTarget, stretchTarget, atGoal, count, supporters } = input;
  const reached = count >= goalTarget;
  let target = goalTarget;
  let phase: CampaignProgress['phase'] = 'asking';
  if (reached) {
    switch (atGoal) {
      case 'stretch':
        if (stretchTarget !== null && stretchTarget > goalTarget && count < stretchTarget) {
          target = stretchTarget;
          phase = 'stretching';
        } else {
          phase = 'thanking';
          target =
            stretchTarget !== null && stretchTarget > goalTarget ? stretchTarget : goalTarget;
        }
        break;
      case 'thank':
        phase = 'thanking';
        break;
      case 'end':
        phase = 'ended';
        break;
    }
  }
  return { count, target, remaining: Math.max(0, target - count), supporters, phase };
}
