import type { EmbedProvider } from './body.types.js';

/**
 * Recognises third-party URLs that the body can embed. Video providers play in a
 * privacy-respecting iframe (no cookies until the reader presses play where the provider
 * allows it); social posts and everything else render as a link card, so no third-party
 * script ever runs on an article page.
 */

export interface DetectedEmbed {
  provider: EmbedProvider;
  /** The canonical address of the embedded item, e.g. `https://www.youtube.com/watch?v=…`. */
  url: string;
}

interface EmbedMatch extends DetectedEmbed {
  iframeSrc: string | null;
  thumbnailSrc?: string;
}

/** Hosts whose iframes `htmlToBody` keeps (and turns into embed blocks). */
export const EMBED_IFRAME_HOSTS: readonly string[] = [
  'www.youtube.com',
  'youtube.com',
  'www.youtube-nocookie.com',
  'youtube-nocookie.com',
  'player.vimeo.com',
  'w.soundcloud.com',
  'www.instagram.com',
  'instagram.com',
];

const PROVIDER_LABELS: Record<EmbedProvider, string> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  x: 'X',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  soundcloud: 'SoundCloud',
  link: 'Link',
};

/** The provider's name as readers know it, e.g. "YouTube". */
export function toProviderLabel(provider: EmbedProvider): string {
  return PROVIDER_LABELS[provider];
}

/**
 * Where a link card says it comes from: the provider's name, or for a plain link its
 * site (`example.com`).
 */
export function toEmbedSource(provider: EmbedProvider, url: string): string {
  if (provider !== 'link') return toProviderLabel(provider);
  try {
    return new URL(url).hostname.replace(/^www\./u, '');
  } catch {
    return url;
  }
}

const YOUTUBE_ID = /^[\w-]{11}$/u;
const SOUNDCLOUD_RESERVED = new Set(['discover', 'search', 'you', 'upload', 'stream', 'pages']);

function youtube(id: string | undefined, start: string | null): EmbedMatch | null {
  // `videoseries` is YouTube's playlist player, and happens to look like a video id.
  if (id === undefined || id === 'videoseries' || !YOUTUBE_ID.test(id)) return null;
  const seconds = start !== null && /^\d+s?$/u.test(start) ? Number.parseInt(start, 10) : 0;
  return {
    provider: 'youtube',
    url: `https://www.youtube.com/watch?v=${id}${seconds > 0 ? `&t=${seconds}s` : ''}`,
    iframeSrc: `https://www.youtube-nocookie.com/embed/${id}${seconds > 0 ? `?start=${seconds}` : ''}`,
    thumbnailSrc: `https://i.ytimg.com/vi/${id}/hqdefault.jpg`,
  };
}

function vimeo(id: string | undefined, hash: string | null | undefined): EmbedMatch | null {
  if (id === undefined || !/^\d+$/u.test(id)) return null;
  const privateHash = hash !== null && hash !== undefined && /^[\da-f]+$/u.test(hash) ? hash : null;
  return {
    provider: 'vimeo',
    url: `https://vimeo.com/${id}${privateHash === null ? '' : `/${privateHash}`}`,
    // dnt=1 tells Vimeo not to track the reader or set cookies.
    iframeSrc: `https://player.vimeo.com/video/${id}?${privateHash === null ? '' : `h=${privateHash}&`}dnt=1`,
  };
}

function matchEmbed(parsed: URL): EmbedMatch | null {
  const host = parsed.hostname.toLowerCase().replace(/^(?:www\.|m\.|mobile\.)/u, '');
  const path = parsed.pathname.split('/').filter((segment) => segment !== '');
  const [first, second, third] = path;

  switch (host) {
    case 'youtube.com':
    case 'youtube-nocookie.com':
      if (first === 'watch')
        return youtube(parsed.searchParams.get('v') ?? undefined, parsed.searchParams.get('t'));
      if (first === 'shorts' || first === 'embed' || first === 'live') {
        return youtube(second, parsed.searchParams.get('t') ?? parsed.searchParams.get('start'));
      }
      return null;
    case 'youtu.be':
      return youtube(first, parsed.searchParams.get('t'));
    case 'vimeo.com':
      if (first === 'channels' && third !== undefined) return vimeo(third, null);
      return vimeo(first, second);
    case 'player.vimeo.com':
      return first === 'video' ? vimeo(second, parsed.searchParams.get('h')) : null;
    case 'x.com':
    case 'twitter.com':
      if (
        first === undefined ||
        second !== 'status' ||
        third === undefined ||
        !/^\d+$/u.test(third)
      ) {
        return null;
      }
      return { provider: 'x', url: `https://x.com/${first}/status/${third}`, iframeSrc: null };
    case 'instagram.com':
      if ((first === 'p' || first === 'reel' || first === 'tv') && second !== undefined) {
        return {
          provider: 'instagram',
          url: `https://www.instagram.com/${first}/${second}/`,
          iframeSrc: null,
        };
      }
      return null;
    case 'tiktok.com':
      if (
        first?.startsWith('@') === true &&
        second === 'video' &&
        third !== undefined &&
        /^\d+$/u.test(third)
      ) {
        return {
          provider: 'tiktok',
          url: `https://www.tiktok.com/${first}/video/${third}`,
          iframeSrc: null,
        };
      }
      return null;
    case 'soundcloud.com':
      if (first === undefined || second === undefined || SOUNDCLOUD_RESERVED.has(first))
        return null;
      return {
        provider: 'soundcloud',
        url: `https://soundcloud.com/${path.join('/')}`,
        iframeSrc: null,
      };
    case 'w.soundcloud.com': {
      const track = parsed.searchParams.get('url');
      const inner = track === null ? null : detectInner(track);
      return inner?.provider === 'soundcloud' ? inner : null;
    }
    default:
      return null;
  }
}

function detectInner(url: string): EmbedMatch | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname === '') return null;
  return matchEmbed(parsed) ?? { provider: 'link', url: parsed.href, iframeSrc: null };
}

/**
 * What an https URL embeds as: a known provider with its canonical URL, or `'link'` for
 * any other https address. Returns null for anything that is not an https URL.
 */
export function detectEmbed(url: string): DetectedEmbed | null {
  const match = detectInner(url.trim());
  return match === null ? null : { provider: match.provider, url: match.url };
}

/**
 * The iframe address for a video provider (youtube-nocookie.com, player.vimeo.com with
 * do-not-track), or null when the provider renders as a link card instead.
 */
export function embedIframeSrc(provider: EmbedProvider, url: string): string | null {
  const match = detectInner(url.trim());
  return match !== null && match.provider === provider ? match.iframeSrc : null;
}

/**
 * A still image of the embedded item at a fixed address, for the CMS's preview of the
 * block; null when the provider has none without an API call (only YouTube has one).
 */
export function embedThumbnailSrc(provider: EmbedProvider, url: string): string | null {
  const match = detectInner(url.trim());
  return match !== null && match.provider === provider ? (match.thumbnailSrc ?? null) : null;
}
