import { describe, expect, it } from 'vitest';
import { createRenderFlights, waitForLanding } from './render-flights.js';

const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  // Two turns of the microtask queue: a resolved promise's callbacks have run by then.
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('renders in flight', () => {
  it('makes the first reader of a missing page its renderer and the next ones wait for it', async () => {
    const flights = createRenderFlights(60_000);
    const first = flights.claim('anonymous /a');
    const second = flights.claim('anonymous /a');
    const other = flights.claim('anonymous /b');
    expect([first.kind, second.kind, other.kind]).toEqual(['leader', 'follower', 'leader']);
    expect(await settled(second.flight.landed)).toBe(false);
    flights.land(first.flight);
    expect(await settled(second.flight.landed)).toBe(true);
    expect(flights.claim('anonymous /a').kind).toBe('leader');
  });

  it('lets an old leader’s late landing leave the next render in flight', async () => {
    const flights = createRenderFlights(60_000);
    const first = flights.claim('k');
    flights.land(first.flight);
    const next = flights.claim('k');
    flights.land(first.flight);
    expect(flights.claim('k').kind).toBe('follower');
    expect(await settled(next.flight.landed)).toBe(false);
    expect(flights.size).toBe(1);
  });

  it('leads a render anew when the one in flight outlived its lifetime, releasing its waiters', async () => {
    const flights = createRenderFlights(0);
    const lost = flights.claim('k');
    const next = flights.claim('k');
    expect(next.kind).toBe('leader');
    expect(await settled(lost.flight.landed)).toBe(true);
  });

  it('stops waiting after the given time when a render never lands', async () => {
    const flights = createRenderFlights(60_000);
    const stuck = flights.claim('k');
    await waitForLanding(stuck.flight, 5);
    expect(await settled(stuck.flight.landed)).toBe(false);
  });
});
