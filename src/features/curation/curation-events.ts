/** The Editors' Picks list changed. */
export interface EditorsPicksChanged {
  readonly postIds: readonly string[];
}

declare module '../../platform/events/domain-events.js' {
  interface DomainEvents {
    'editors-picks.changed': EditorsPicksChanged;
  }
}
