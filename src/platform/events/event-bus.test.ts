import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createEventBus } from './event-bus.js';

declare module './domain-events.js' {
  interface DomainEvents {
    'test.happened': { n: number };
    'test.unrelated': { text: string };
  }
}

function capturingLogger() {
  const lines: unknown[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('event bus', () => {
  it('delivers an event to each subscriber of its name, in the order they subscribed', () => {
    const bus = createEventBus(capturingLogger().logger);
    const heard: string[] = [];
    bus.subscribe('test.happened', ({ n }) => void heard.push(`first ${n}`));
    bus.subscribe('test.happened', ({ n }) => void heard.push(`second ${n}`));
    bus.subscribe('test.unrelated', () => void heard.push('unrelated'));

    bus.publish('test.happened', { n: 7 });

    expect(heard).toEqual(['first 7', 'second 7']);
  });

  it('tells a subscriber to every event the name along with the payload', () => {
    const bus = createEventBus(capturingLogger().logger);
    const heard: unknown[] = [];
    bus.subscribeAll((event) => void heard.push(event));

    bus.publish('test.happened', { n: 1 });
    bus.publish('test.unrelated', { text: 'hi' });

    expect(heard).toEqual([
      { name: 'test.happened', payload: { n: 1 } },
      { name: 'test.unrelated', payload: { text: 'hi' } },
    ]);
  });

  it('keeps delivering to the others when one subscriber throws, and logs the failure', () => {
    const { logger, lines } = capturingLogger();
    const bus = createEventBus(logger);
    const heard: number[] = [];
    bus.subscribe('test.happened', () => {
      throw new Error('cache is down');
    });
    bus.subscribe('test.happened', ({ n }) => void heard.push(n));

    expect(() => bus.publish('test.happened', { n: 3 })).not.toThrow();

    expect(heard).toEqual([3]);
    expect(lines).toMatchObject([
      { msg: 'event subscriber failed', event: 'test.happened', err: { message: 'cache is down' } },
    ]);
  });

  it('logs a subscriber whose promise rejects', async () => {
    const { logger, lines } = capturingLogger();
    const bus = createEventBus(logger);
    bus.subscribe('test.happened', () => Promise.reject(new Error('feed push failed')));

    bus.publish('test.happened', { n: 1 });

    await vi.waitFor(() => expect(lines).toMatchObject([{ err: { message: 'feed push failed' } }]));
  });

  it('stops delivering to a subscriber once it unsubscribes', () => {
    const bus = createEventBus(capturingLogger().logger);
    const heard: number[] = [];
    const unsubscribe = bus.subscribe('test.happened', ({ n }) => void heard.push(n));
    const unsubscribeAll = bus.subscribeAll(() => void heard.push(-1));

    bus.publish('test.happened', { n: 1 });
    unsubscribe();
    unsubscribeAll();
    bus.publish('test.happened', { n: 2 });

    expect(heard).toEqual([1, -1]);
  });

  it('counts the same function subscribed twice as two subscriptions', () => {
    const bus = createEventBus(capturingLogger().logger);
    let calls = 0;
    const handler = (): void => void (calls += 1);
    const unsubscribeFirst = bus.subscribe('test.happened', handler);
    bus.subscribe('test.happened', handler);

    unsubscribeFirst();
    bus.publish('test.happened', { n: 1 });

    expect(calls).toBe(1);
  });
});
