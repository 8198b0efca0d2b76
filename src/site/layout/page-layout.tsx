import type { ComponentChildren } from 'preact';
import type { SiteSettings } from '../../features/settings/site-settings.js';
import { toScriptJson, type HeadTags } from './head-tags.js';

export interface StaffView {
  readonly name: string;
  /** The CMS editor for what this page shows, when it shows a post. */
  readonly editUrl: string | null;
}

export interface NavItem {
  readonly label: string;
  readonly url: string;
}

export interface PageLayoutProps {
  readonly site: SiteSettings;
  readonly head: HeadTags;
  readonly cssUrl: string;
  readonly nav: readonly NavItem[];
  readonly currentPath: string;
  readonly staff: StaffView | null;
  /** A site-wide banner above the header (a campaign's), or nothing. */
  readonly banner?: ComponentChildren;
  readonly children: ComponentChildren;
}

function Head({ site, head, cssUrl }: Pick<PageLayoutProps, 'site' | 'head' | 'cssUrl'>) {
  const fullTitle = head.title === site.title ? site.title : `${head.title} | ${site.title}`;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{fullTitle}</title>
      <meta name="description" content={head.description} />
      <link rel="canonical" href={head.canonical} />
      {head.robots !== undefined && <meta name="robots" content={head.robots} />}
      <link rel="stylesheet" href={cssUrl} />
      <link rel="alternate" type="application/rss+xml" title={site.title} href="/rss" />
      <link rel="alternate" type="application/feed+json" title={site.title} href="/feed.json" />
      <meta property="og:site_name" content={site.title} />
      <meta property="og:type" content={head.ogType} />
      <meta property="og:title" content={head.title} />
      <meta property="og:description" content={head.description} />
      <meta property="og:url" content={head.canonical} />
      <meta property="og:locale" content={site.locale.replace('-', '_')} />
      {head.image !== null && [
        <meta key="i" property="og:image" content={head.image.url} />,
        <meta key="w" property="og:image:width" content={String(head.image.width)} />,
        <meta key="h" property="og:image:height" content={String(head.image.height)} />,
        <meta key="a" property="og:image:alt" content={head.image.alt} />,
      ]}
      {head.publishedTime !== undefined && (
        <meta property="article:published_time" content={head.publishedTime} />
      )}
      {head.modifiedTime !== undefined && (
        <meta property="article:modified_time" content={head.modifiedTime} />
      )}
      {head.section !== undefined && <meta property="article:section" content={head.section} />}
      <meta name="twitter:card" content={head.image === null ? 'summary' : 'summary_large_image'} />
      <meta name="twitter:title" content={head.title} />
      <meta name="twitter:description" content={head.description} />
      {head.image !== null && <meta name="twitter:image" content={head.image.url} />}
      {site.social.x !== '' && <meta name="twitter:site" content={site.social.x} />}
      {head.jsonLd.map((data, index) => (
        <script
          key={index}
          type="application/ld+json"
          dangerouslySetInnerHTML={{ __html: toScriptJson(data) }}
        />
      ))}
    </head>
  );
}

/** The frame of every reader page: skip link first, header, navigation, main, footer. */
export function PageLayout(props: PageLayoutProps) {
  const { site, nav, currentPath, staff } = props;
  return (
    <html lang={site.locale}>
      <Head site={site} head={props.head} cssUrl={props.cssUrl} />
      <body>
        <a class="skip-link" href="#content">
          Skip to content
        </a>
        {staff !== null && (
          <nav class="staff-bar" aria-label="Staff">
            <div class="wrap">
              <span>Signed in as {staff.name}</span>
              {staff.editUrl !== null && <a href={staff.editUrl}>Edit post</a>}
              <a href="/admin">Newsroom CMS</a>
            </div>
          </nav>
        )}
        {props.banner}
        <header class="site-header">
          <div class="wrap">
            <p class="site-title">
              <a href="/">{site.title}</a>
            </p>
            {nav.length > 0 && (
              <nav class="site-nav" aria-label="Sections">
                <ul>
                  {nav.map((item) => (
                    <li key={item.url}>
                      <a
                        href={item.url}
                        aria-current={item.url === currentPath ? 'page' : undefined}
                      >
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
          </div>
        </header>
        <main id="content" tabIndex={-1}>
          <div class="wrap">{props.children}</div>
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {site.title} — {site.description}
            </p>
            <p>
              <a href="/search">Search</a> · <a href="/account">Your account</a> ·{' '}
              <a href="/rss">RSS</a> · Published with Masthead
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
