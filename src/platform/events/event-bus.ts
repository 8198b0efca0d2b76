import type { Logger } from '../logger.js';
import type { DomainEvent, DomainEventName, DomainEvents } from './domain-events.js';

/** May return a promise; a rejection is logged, and nobody waits for it. */
export type EventHandler<K extends DomainEventName> = (
  payload: DomainEvents[K],
) => void | Promise<void>;

export type AnyEventHandler = (event: DomainEvent) => void | Promise<void>;

/** Stops the subscription; calling it again does nothing. */
export type Unsubscribe = () => void;

/**
 * In-process fan-out. `publish` calls every subscriber before it returns, in the order
 * they subscribed; one that throws is logged and the rest still hear the event.
 */
export interface EventBus {
  publish<K extends DomainEventName>(name: K, payload: DomainEvents[K]): void;
  subscribe<K extends DomainEventName>(name: K, handler: EventHandler<K>): Unsubscribe;
  subscribeAll(handler: AnyEventHandler): Unsubscribe;
}

/** Inside the bus events are untyped; the public methods keep names and payloads paired. */
interface Envelope {
  readonly name: string;
  readonly payload: unknown;
}

type Listener = (event: Envelope) => unknown;

export function createEventBus(logger: Logger): EventBus {
  const byName = new Map<string, Set<Listener>>();
  const everyEvent = new Set<Listener>();

  function add(set: Set<Listener>, listener: Listener): Unsubscribe {
    // Wrapping makes each subscription distinct, even for the same function twice.
    const own: Listener = (event) => listener(event);
    set.add(own);
    return () => set.delete(own);
  }

  function deliver(listener: Listener, event: Envelope): void {
    const report = (error: unknown): void =>
      logger.error({ err: error, event: event.name }, 'event subscriber failed');
    try {
      const result = listener(event);
      if (result instanceof Promise) result.catch(report);
    } catch (error) {
      report(error);
    }
  }

  return {
    publish(name, payload) {
      const event: Envelope = { name, payload };
      // Copies, so a subscriber that unsubscribes or subscribes mid-delivery changes
      // only the next event's audience.
      const listeners = [...(byName.get(name) ?? []), ...everyEvent];
      for (const listener of listeners) deliver(listener, event);
    },
    subscribe(name, handler) {
      let set = byName.get(name);
      if (set === undefined) {
        set = new Set();
        byName.set(name, set);
      }
      const untyped = handler as (payload: unknown) => unknown;
      return add(set, (event) => untyped(event.payload));
    },
    subscribeAll(handler) {
      const untyped = handler as (event: Envelope) => unknown;
      return add(everyEvent, untyped);
    },
  };
}
