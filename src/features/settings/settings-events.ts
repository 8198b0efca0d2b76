/** Site settings changed: every page may look different now. */
export interface SettingsChanged {
  readonly fields: readonly string[];
}

declare module '../../platform/events/domain-events.js' {
  interface DomainEvents {
    'settings.changed': SettingsChanged;
  }
}
