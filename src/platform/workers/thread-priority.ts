import { readlinkSync } from 'node:fs';
import os from 'node:os';

/**
 * Lowers the scheduling priority of the calling thread alone (Linux: a thread's own id
 * from /proc/thread-self, whose nice value `setpriority` changes). A worker thread doing
 * long background work (speech) then takes the CPU only when the threads serving readers
 * leave it. Elsewhere, or when refused, it changes nothing and says so.
 */
export function lowerThisThreadPriority(): boolean {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    os.setPriority(threadId, os.constants.priority.PRIORITY_LOW);
    return true;
  } catch {
    return false;
  }
}
