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
 * Payloads are plain JSON values (ids, slugs, flags): they are stored in the event log and
 * read back by every process (`event-relay.ts`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by features
export interface DomainEvents {}

export type DomainEventName = keyof DomainEvents;

/** One event as a tagged union, so a subscriber to all events can switch on `name`. */
export type DomainEvent = {
  [K in DomainEventName]: { readonly name: K; readonly payload: DomainEvents[K] };
}[DomainEventName];
