/**
 * The databases mark hits in raw text with two control characters that cannot be typed into
 * an article; here, and only here, the text is escaped and the marks become `<mark>`.
 */
export const hitStart = '\u0002';
export const hitEnd = '\u0003';
const marks = new RegExp(`([${hitStart}${hitEnd}])`, 'u');

const escapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

/** Escaped HTML with each marked hit in `<mark>`; always well formed, whatever the input. */
export function toMarkedHtml(raw: string): string {
  let html = '';
  let open = false;
  for (const part of raw.split(marks)) {
    if (part === hitStart) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === hitEnd) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}

export function hasHit(raw: string): boolean {
  return raw.includes(hitStart);
}

/** Raw, marked text of the parts of a post that may show under a search result. */
export interface SnippetSources {
  readonly standfirst: string;
  readonly body: string;
}

/**
 * Chooses the text to show under a result: the body where it has a hit, else the
 * standfirst where it has one, else the standfirst (or the body, when there is none). A
 * reader who may not read the whole post (the reader-access rule) gets its standfirst only,
 * so no text meant for members leaves through search.
 */
export function decideSnippet(sources: SnippetSources, readsWhole: boolean): string {
  if (!readsWhole) return sources.standfirst;
  if (hasHit(sources.body)) return sources.body;
  if (hasHit(sources.standfirst)) return sources.standfirst;
  return sources.standfirst.trim() === '' ? sources.body : sources.standfirst;
}
