import type { FastifyReply } from 'fastify';

/** The players whose frames embed blocks load (see the body's embed providers). */
const embedFrameSources = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'];

/**
 * The Content-Security-Policy of every response, as helmet directives. It lists only what
 * differs from `default-src 'self'`, because every cached page carries it;
 * `frame-ancestors` is the frame rule (it supersedes X-Frame-Options).
 */
export function contentSecurityDirectives(https: boolean) {
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
    imgSrc: ["'self'", 'https:'],
    objectSrc: ["'none'"],
    upgradeInsecureRequests: https ? [] : null,
  };
}

/**
 * Lets a page load the video players its embed blocks need. Only such pages allow these
 * frames; every other page allows none from another site.
 */
export function allowEmbedFrames(reply: FastifyReply): void {
  const policy = reply.getHeader('content-security-policy');
  if (typeof policy !== 'string' || policy.includes('frame-src')) return;
  reply.header('content-security-policy', `${policy};frame-src ${embedFrameSources.join(' ')}`);
}

/** True when rendered HTML holds an embedded player's frame. */
export function hasEmbedFrame(html: string): boolean {
  return html.includes('<iframe');
}
