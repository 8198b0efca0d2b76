/**
 * How many live readers a process takes. Each open stream holds a socket, and a socket is
 * a file: past the process's open-file limit nothing else opens, not the database, not a
 * page's socket. So live streams get a share of the limit and the rest is kept for pages,
 * the database pool and files; and one address may hold only a few, so that one client
 * cannot take the share of everyone else.
 */
export interface LiveConnectionLimitSettings {
  /** Open streams one client address may hold at once (a reader with a few tabs). */
  readonly perClient: number;
  /** Open streams of the whole process. */
  readonly total: number;
}

/** A reader with several tabs, or a small office behind one address. */
export const defaultPerClientLimit = 16;
/** Never more than this, however high the file limit: beyond it one process is too busy. */
export const largestTotalLimit = 20_000;
/** At least this many files stay free for everything that is not a live stream. */
export const smallestReserve = 256;

/**
 * The limits for a process allowed `openFileLimit` open files: a quarter of the files (at
 * least 256) are kept for everything else, the rest may be live streams.
 */
export function decideLiveConnectionLimits(
  openFileLimit: number,
  perClient = defaultPerClientLimit,
): LiveConnectionLimitSettings {
  const reserve = Math.max(smallestReserve, Math.ceil(openFileLimit / 4));
  const total = Math.max(0, Math.min(largestTotalLimit, openFileLimit - reserve));
  return { perClient: Math.min(perClient, total), total };
}

export type LiveAdmission =
  | { readonly admitted: true; readonly release: () => void }
  | { readonly admitted: false; readonly refusedBecause: 'client' | 'total' };

export interface LiveConnectionLimits {
  readonly settings: LiveConnectionLimitSettings;
  /** Takes a place for a stream from `clientAddress`; release it when the socket closes. */
  admit(clientAddress: string): LiveAdmission;
  /** Streams open now, in all. */
  open(): number;
}

export function createLiveConnectionLimits(
  settings: LiveConnectionLimitSettings,
): LiveConnectionLimits {
  const byClient = new Map<string, number>();
  let total = 0;
  return {
    settings,
    admit(clientAddress) {
      const held = byClient.get(clientAddress) ?? 0;
      if (held >= settings.perClient) return { admitted: false, refusedBecause: 'client' };
      if (total >= settings.total) return { admitted: false, refusedBecause: 'total' };
      byClient.set(clientAddress, held + 1);
      total += 1;
      let released = false;
      return {
        admitted: true,
        release: () => {
          if (released) return;
          released = true;
          total -= 1;
          const left = (byClient.get(clientAddress) ?? 1) - 1;
          if (left <= 0) byClient.delete(clientAddress);
          else byClient.set(clientAddress, left);
        },
      };
    },
    open: () => total,
  };
}
