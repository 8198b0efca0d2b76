import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import type { StaffUser } from '../api/resources.js';

/** What every screen may use: the API client and the signed-in staff user. */
export interface AppContextValue {
  readonly api: ApiClient;
  readonly user: StaffUser | null;
  /** Called after signing in (or accepting an invitation), with the new session. */
  readonly signedIn: (user: StaffUser, csrfToken: string) => void;
  readonly signOut: () => Promise<void>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('useApp() outside <AppContext.Provider>.');
  return value;
}

/** The signed-in user, for screens that are only reachable when signed in. */
export function useUser(): StaffUser {
  const { user } = useApp();
  if (user === null) throw new Error('This screen needs a signed-in staff user.');
  return user;
}
