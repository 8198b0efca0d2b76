/** The redirects table changed: every cached redirect may now lead elsewhere. */
export interface RedirectsChanged {
  readonly count: number;
}

declare module '../../platform/events/domain-events.js' {
  interface DomainEvents {
    'redirects.changed': RedirectsChanged;
  }
}
