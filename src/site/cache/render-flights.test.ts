import { describe, expect, it } from 'vitest';
import { createRenderFlights, waitForLanding } from './render-flights.js';

/** What a promise has settled to after the microtasks queued now have run; 'pending' if not. */
const state = async (promise: Promise<boolean>): Promise<boolean | 'pending'> => {
  let value: boolean | 'pending' = 'pending';
  void promise.then((settled) => {
    value = settled;
  });
  await Promise.resolve();
  await Promise.resolve();
  return value;
};

describe('renders in flight', () => {
  it('makes the first reader of a missing page its renderer and the next ones wait for it', async () => {
    const flights = createRenderFlights(60_000);
    const first = flights.claim('anonymous /a');
    const second = flights.claim('anonymous /a');
    const other = flights.claim('anonymous /b');
    expect([first.kind, second.kind, other.kind]).toEqual(['leader', 'follower', 'leader']);
    expect(await state(second.flight.landed)).toBe('pending');
    flights.land(first.flight, true);
    expect(await state(second.flight.landed)).toBe(true);
    expect(flights.claim('anonymous /a').kind).toBe('leader');
  });

  it('tells the waiting readers when the render stored nothing', async () => {
    const flights = createRenderFlights(60_000);
    const leader = flights.claim('anonymous /missing');
    const follower = flights.claim('anonymous /missing');
    flights.land(leader.flight, false);
    expect(await state(follower.flight.landed)).toBe(false);
  });

  it('lets an old leader’s late landing leave the next render in flight', async () => {
    const flights = createRenderFlights(60_000);
    const first = flights.claim('k');
    flights.land(first.flight, true);
    const next = flights.claim('k');
    flights.land(first.flight, false);
    expect(flights.claim('k').kind).toBe('follower');
    expect(await state(next.flight.landed)).toBe('pending');
    expect(flights.size).toBe(1);
  });

  it('leads a render anew when the one in flight outlived its lifetime, releasing its waiters', async () => {
    const flights = createRenderFlights(0);
    const lost = flights.claim('k');
    expect(flights.claim('k').kind).toBe('leader');
    expect(await state(lost.flight.landed)).toBe(false);
  });

  it('stops waiting after the given time when a render never lands', async () => {
    const flights = createRenderFlights(60_000);
    const stuck = flights.claim('k');
    expect(await waitForLanding(stuck.flight, 5)).toBe(false);
    expect(await state(stuck.flight.landed)).toBe('pending');
  });
});
