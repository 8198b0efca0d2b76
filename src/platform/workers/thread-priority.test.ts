import { readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const onLinux = os.platform() === 'linux';

/** The nice value of one thread of this process, from /proc. */
function niceOf(threadId: number): number {
  const stat = readFileSync(`/proc/self/task/${threadId}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): nice is the 19th field.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[16]);
}

describe.skipIf(!onLinux)('a thread that lowers its own priority', () => {
  it('becomes the lowest priority while the rest of the process keeps its own', async () => {
    const mainThread = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    const before = niceOf(mainThread);
    const source = new URL('./thread-priority.ts', import.meta.url).href;
    const worker = new Worker(
      `
      const { workerData, parentPort } = await import('node:worker_threads');
      const { register } = await import('tsx/esm/api');
      register();
      const { readlinkSync } = await import('node:fs');
      const { lowerThisThreadPriority } = await import(workerData.source);
      const lowered = lowerThisThreadPriority();
      const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
      parentPort.postMessage({ lowered, threadId });
      await new Promise((resolve) => parentPort.once('message', resolve));
      `,
      { eval: true, workerData: { source } },
    );
    const reply = await new Promise<{ lowered: boolean; threadId: number }>((resolve) =>
      worker.once('message', resolve),
    );
    try {
      expect(reply.lowered).toBe(true);
      expect(niceOf(reply.threadId)).toBe(os.constants.priority.PRIORITY_LOW);
      expect(niceOf(mainThread)).toBe(before);
    } finally {
      worker.postMessage('done');
      await worker.terminate();
    }
  });
});
