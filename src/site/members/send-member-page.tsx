import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { renderPage } from '../render-page.js';
import { loadFrame, type SitePagesDeps } from '../site-pages.js';
import { absoluteUrl } from '../site-urls.js';
import { MemberPage } from './member-pages.js';

export type MemberPagesDeps = SitePagesDeps;

/** A sign-in or account page: private to this reader, never cached, never indexed. */
export async function sendMemberPage(
  deps: MemberPagesDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: { title: string; path: string; status?: number; children: ComponentChildren },
): Promise<FastifyReply> {
  const frame = await loadFrame(deps);
  const html = renderPage({
    ...frame.layout(request, {
      title: page.title,
      description: page.title,
      canonical: absoluteUrl(deps.siteUrl, page.path),
      ogType: 'website',
      image: null,
      jsonLd: [],
      robots: 'noindex',
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
