import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Keeps a process's newsletter sends under `perSecond` messages a second (0: no limit),
 * across every batch it runs at once: each message takes the next free slot.
 */
export interface SendPace {
  readonly perSecond: number;
  take(): Promise<void>;
}

export function createSendPace(perSecond: number, now: () => number = Date.now): SendPace {
  let nextSlot = 0;
  return {
    perSecond,
    async take() {
      if (perSecond <= 0) return;
      const at = now();
      const slot = Math.max(at, nextSlot);
      nextSlot = slot + 1000 / perSecond;
      if (slot > at) await sleep(slot - at);
    },
  };
}

/** Recipients per batch job: small enough to finish well inside a job's 60-second lease. */
export function decideBatchSize(perSecond: number): number {
  if (perSecond <= 0) return 500;
  return Math.max(10, Math.min(500, Math.floor(perSecond * 20)));
}
