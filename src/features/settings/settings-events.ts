declare module '../../platform/events/domain-events.js' {
  interface DomainEvents {
    /**
     * Site settings changed: every process forgets its copy, and pages showing the site
     * frame (all of them) are stale. `fields` names the settings that changed.
     */
    'settings.changed': { readonly fields: readonly string[] };
  }
}

// A module, so the block above adds to DomainEvents instead of declaring a new module.
export {};
