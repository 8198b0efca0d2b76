/**
 * Every domain event and its payload. Features add theirs by declaration merging:
 *
 * ```ts
 * declare module '../../platform/events/domain-events.js' {
 *   interface DomainEvents {
 *     'post.changed': PostChanged;
 *   }
 * }
 * ```
 *
 * Payloads are plain JSON values (ids, slugs, flags), small enough to cross processes in a
 * PostgreSQL NOTIFY, which holds under 8 kB.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by features
export interface DomainEvents {}

export type DomainEventName = keyof DomainEvents;

/** One event as a tagged union, so a subscriber to all events can switch on `name`. */
export type DomainEvent = {
  [K in DomainEventName]: { readonly name: K; readonly payload: DomainEvents[K] };
}[DomainEventName];
