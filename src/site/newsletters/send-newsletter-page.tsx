import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { renderPage } from '../render-page.js';
import { loadFrame, type SitePagesDeps } from '../site-pages.js';
import { absoluteUrl } from '../site-urls.js';
import { MemberPage } from '../members/member-pages.js';

/**
 * A newsletter page. None is kept in the page cache: they answer forms, carry one-time or
 * signed links, or show a signed-in member their one-click form. Pages reached by a link
 * in an e-mail are never indexed and send no referrer, so the link does not leak.
 */
export async function sendNewsletterPage(
  deps: SitePagesDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: {
    title: string;
    path: string;
    status?: number;
    indexable?: boolean;
    description?: string;
    children: ComponentChildren;
  },
): Promise<FastifyReply> {
  const frame = await loadFrame(deps);
  const html = renderPage({
    ...frame.layout(request, {
      title: page.title,
      description: page.description ?? page.title,
      canonical: absoluteUrl(deps.siteUrl, page.path),
      ogType: 'website',
      image: null,
      jsonLd: [],
      ...(page.indexable === true ? {} : { robots: 'noindex' }),
    }),
    children: <MemberPage title={page.title}>{page.children}</MemberPage>,
  });
  return reply
    .status(page.status ?? 200)
    .header('cache-control', 'private, no-store')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(html);
}
