import type { ComponentChildren } from 'preact';
import type { Inline, TextRun } from './body.types.js';
import { isAllowedLinkHref, isExternalHref } from './safe-url.js';

/**
 * Inline content as HTML. Consecutive runs that share a link render as one `<a>`, so a
 * link with a bold word in it is one link for the reader and for screen readers.
 */

function hrefOf(inline: Inline): string | null {
  if (inline.type !== 'text') return null;
  const link = inline.marks?.find((mark) => mark.type === 'link');
  return link?.type === 'link' ? link.href : null;
}

function Run({ run }: { run: TextRun }) {
  let node: ComponentChildren = run.text;
  // Innermost first: <strong><em><s><code>text</code></s></em></strong>.
  for (const type of ['code', 'strike', 'italic', 'bold'] as const) {
    if (!run.marks?.some((mark) => mark.type === type)) continue;
    if (type === 'code') node = <code>{node}</code>;
    else if (type === 'strike') node = <s>{node}</s>;
    else if (type === 'italic') node = <em>{node}</em>;
    else node = <strong>{node}</strong>;
  }
  return <>{node}</>;
}

function Pieces({ inlines }: { inlines: readonly Inline[] }) {
  return (
    <>
      {inlines.map((inline, index) =>
        inline.type === 'break' ? <br key={index} /> : <Run key={index} run={inline} />,
      )}
    </>
  );
}

export function Link({ href, children }: { href: string; children: ComponentChildren }) {
  if (!isAllowedLinkHref(href)) return <>{children}</>;
  return (
    <a href={href} rel={isExternalHref(href) ? 'noopener' : undefined}>
      {children}
    </a>
  );
}

interface Group {
  href: string | null;
  inlines: Inline[];
}

function groupByLink(content: readonly Inline[]): Group[] {
  const groups: Group[] = [];
  for (const inline of content) {
    const href = hrefOf(inline);
    const last = groups.at(-1);
    if (last !== undefined && last.href === href && inline.type === 'text') {
      last.inlines.push(inline);
    } else {
      groups.push({ href, inlines: [inline] });
    }
  }
  return groups;
}

export function InlineContent({ content }: { content: readonly Inline[] }) {
  return (
    <>
      {groupByLink(content).map((group, index) =>
        group.href === null ? (
          <Pieces key={index} inlines={group.inlines} />
        ) : (
          <Link key={index} href={group.href}>
            <Pieces inlines={group.inlines} />
          </Link>
        ),
      )}
    </>
  );
}
