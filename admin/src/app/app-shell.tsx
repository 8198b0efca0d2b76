import { useEffect, useRef, useState } from 'preact/hooks';
import { hasAtLeast } from '../../../src/features/staff/role.js';
import type { SiteSettingsResource, StaffUser } from '../api/resources.js';
import { setSiteTimeZone } from '../ui/format.js';
import { useApp } from './app-context.js';
import { adminHref, matchPath, navigate, type Location } from './router.js';
import { NavCount, useReviewCount } from './review-count.js';
import { navGroups, screens, type Screen } from './screens.js';

function findScreen(path: string): { screen: Screen; params: Record<string, string> } | null {
  for (const screen of screens) {
    const params = matchPath(screen.path, path);
    if (params !== null) return { screen, params };
  }
  return null;
}

function isCurrent(screen: Screen, path: string): boolean {
  return screen.path === '/' ? path === '/' : path === screen.path;
}

/** The signed-in frame: skip link, header, role-aware navigation, and the current screen. */
export function AppShell({
  location,
  user,
}: {
  readonly location: Location;
  readonly user: StaffUser;
}) {
  const { signOut, api } = useApp();
  const main = useRef<HTMLElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [, setZone] = useState<string | null>(null);
  const reviewCount = useReviewCount(user, location.path);

  // Every time in the CMS is shown in the site's time zone, labelled with it.
  useEffect(() => {
    void api.get<{ settings: SiteSettingsResource }>('/settings').then(
      ({ settings }) => {
        setSiteTimeZone(settings.timezone);
        setZone(settings.timezone);
      },
      () => undefined,
    );
  }, [api]);
  const found = findScreen(location.path);
  const allowed = found !== null && hasAtLeast(user.role, found.screen.minimumRole);
  const title = found === null ? 'Not found' : allowed ? found.screen.title : 'Not allowed';

  useEffect(() => {
    document.title = `${title} · Masthead CMS`;
  }, [title]);

  // After moving to another screen, start reading from its top. A new post getting its
  // address is the same screen going on: the writer keeps their place (and keystrokes).
  const first = useRef(true);
  const previous = useRef(location.path);
  useEffect(() => {
    setMenuOpen(false);
    const from = previous.current;
    previous.current = location.path;
    if (first.current) {
      first.current = false;
      return;
    }
    if (from.endsWith('/new') && found?.screen.instanceKey !== undefined) return;
    main.current?.focus();
  }, [location.path]);

  const visible = screens.filter(
    (s) => s.nav !== undefined && hasAtLeast(user.role, s.minimumRole),
  );

  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="shell-header">
        <a class="shell-brand" href={adminHref('/')}>
          Masthead CMS
        </a>
        <button
          type="button"
          class="menu-toggle button-quiet"
          aria-expanded={menuOpen}
          aria-controls="cms-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <div class={menuOpen ? 'shell-user is-open' : 'shell-user'}>
          <span>
            {user.name} <span class="role-badge">{user.role}</span>
          </span>
          <a href={adminHref('/account')}>Your account</a>
          <a href="/">View site</a>
          <button
            type="button"
            class="button-quiet"
            onClick={() => {
              void signOut().then(() => navigate('/', { replace: true }));
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <div class="shell-body">
        <nav id="cms-menu" class={menuOpen ? 'shell-nav is-open' : 'shell-nav'} aria-label="CMS">
          {navGroups.map((group) => {
            const entries = visible.filter((s) => s.nav?.group === group);
            if (entries.length === 0) return null;
            return (
              <div key={group} class="nav-group">
                <h2 class="nav-group-title">{group}</h2>
                <ul>
                  {entries.map((s) => (
                    <li key={s.path}>
                      <a
                        href={adminHref(s.path)}
                        aria-current={isCurrent(s, location.path) ? 'page' : undefined}
                      >
                        {s.nav?.label}
                        {s.path === '/review' && <NavCount count={reviewCount} />}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </nav>
        <main id="main" class="shell-main" tabIndex={-1} ref={main}>
          {found === null ? (
            <>
              <h1>Not found</h1>
              <p>
                There is no CMS screen at this address.{' '}
                <a href={adminHref('/')}>Go to the dashboard</a>.
              </p>
            </>
          ) : !allowed ? (
            <>
              <h1>Not allowed</h1>
              <p>
                Your role ({user.role}) cannot open {found.screen.title.toLowerCase()}. Ask an{' '}
                {found.screen.minimumRole} or above.
              </p>
            </>
          ) : (
            <found.screen.component
              key={found.screen.instanceKey ?? location.path}
              params={found.params}
              query={location.query}
            />
          )}
        </main>
      </div>
    </div>
  );
}
