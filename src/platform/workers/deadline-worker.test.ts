import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { createDeadlineWorker, WorkerTaskFailed } from './deadline-worker.js';

const module = new URL('./test-support/aborting.worker.js', import.meta.url);

describe('a deadline worker in its own process', () => {
  it('runs tasks in a child process, not in this one', async () => {
    const worker = createDeadlineWorker<string, string>({
      module,
      deadlineMs: 60_000,
      isolation: 'process',
    });
    try {
      const answer = await worker.run('hello');
      expect(answer).toMatch(/^hello from \d+$/);
      expect(answer).not.toBe(`hello from ${process.pid}`);
    } finally {
      await worker.close();
    }
  });

  it('runs the child at the lowest priority, unless told to run it at its own', async () => {
    const niceOf = async (background: boolean) => {
      const worker = createDeadlineWorker<string, string>({
        module,
        deadlineMs: 60_000,
        isolation: 'process',
        background,
      });
      try {
        return Number(await worker.run('nice'));
      } finally {
        await worker.close();
      }
    };
    expect(await niceOf(true)).toBe(19);
    expect(await niceOf(false)).toBe(os.getPriority());
  });

  it('fails only the task whose process crashed; the next task gets a new process', async () => {
    const worker = createDeadlineWorker<string, string>({
      module,
      deadlineMs: 60_000,
      isolation: 'process',
    });
    try {
      const first = await worker.run('before');
      await expect(worker.run('abort')).rejects.toBeInstanceOf(WorkerTaskFailed);
      const after = await worker.run('after');
      expect(after).toMatch(/^after from \d+$/);
      expect(after.split(' ').at(-1)).not.toBe(first.split(' ').at(-1));
    } finally {
      await worker.close();
    }
  });
});
