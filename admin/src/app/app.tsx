import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { isApiError, toMessage, type ApiClient } from '../api/api-client.js';
import type { SessionResource, StaffUser } from '../api/resources.js';
import { Notice } from '../ui/fields.js';
import { AppContext, type AppContextValue } from './app-context.js';
import { AppShell } from './app-shell.js';
import { PublicScreens, isPublicPath } from './public-screens.js';
import { useLocation } from './router.js';

type SessionState =
  | { readonly state: 'checking' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'ready'; readonly user: StaffUser | null };

/** Finds out who is signed in, then shows the signed-in app or the sign-in screens. */
export function App({ api }: { readonly api: ApiClient }) {
  const location = useLocation();
  const [session, setSession] = useState<SessionState>({ state: 'checking' });

  useEffect(() => {
    api.get<SessionResource>('/session').then(
      (found) => {
        api.setCsrfToken(found.csrfToken);
        setSession({ state: 'ready', user: found.user });
      },
      (error: unknown) => {
        if (isApiError(error) && error.status === 401) setSession({ state: 'ready', user: null });
        else setSession({ state: 'failed', message: toMessage(error) });
      },
    );
  }, [api]);

  const signedIn = useCallback(
    (user: StaffUser, csrfToken: string) => {
      api.setCsrfToken(csrfToken);
      setSession({ state: 'ready', user });
    },
    [api],
  );
  const signOut = useCallback(async () => {
    await api.send('DELETE', '/session').catch(() => undefined);
    api.setCsrfToken(null);
    setSession({ state: 'ready', user: null });
  }, [api]);

  const user = session.state === 'ready' ? session.user : null;
  const context = useMemo<AppContextValue>(
    () => ({ api, user, signedIn, signOut }),
    [api, user, signedIn, signOut],
  );

  if (session.state === 'checking') {
    return (
      <p class="loading" role="status">
        Opening the newsroom CMS…
      </p>
    );
  }
  if (session.state === 'failed') {
    return (
      <main class="public-screen">
        <h1>The CMS could not start</h1>
        <Notice kind="error">{session.message}</Notice>
      </main>
    );
  }
  return (
    <AppContext.Provider value={context}>
      {user === null || isPublicPath(location.path) ? (
        <PublicScreens location={location} />
      ) : (
        <AppShell location={location} user={user} />
      )}
    </AppContext.Provider>
  );
}
