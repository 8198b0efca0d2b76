import type { Node as PmNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import type { EmbedProvider } from '../../../src/features/content/body/body.types.js';
import {
  embedIframeSrc,
  embedThumbnailSrc,
  toEmbedSource,
  toProviderLabel,
} from '../../../src/features/content/body/embed-provider.js';
import { AtomView, removeButton, setAttr, type GetPos } from './atom-view.js';
import { el, labelledInput, syncInput } from './dom-builder.js';

/**
 * An embed block as a card that looks like what readers get (`render-body.tsx`): a video
 * as a 16:9 player frame — YouTube's still where there is one, a placeholder otherwise —
 * and a social post or link as a quoted card with its title and where it comes from. The
 * address stays visible and opens in a new tab; the title field sits under the card.
 */
export class EmbedBlockView extends AtomView {
  private readonly card: HTMLElement;
  private readonly frame: HTMLElement;
  private readonly still: HTMLImageElement;
  private readonly mark: HTMLElement;
  private readonly source: HTMLElement;
  private readonly titleText: HTMLElement;
  private readonly link: HTMLAnchorElement;
  private readonly title: HTMLInputElement;

  constructor(node: PmNode, view: EditorView, getPos: GetPos) {
    super(node, view, getPos, 'Embed block');
    this.still = el('img', {
      class: 'embed-card-still',
      alt: '',
      loading: 'lazy',
      referrerpolicy: 'no-referrer',
    });
    // No network here, or the still is gone: the placeholder frame shows instead.
    this.still.addEventListener('error', () => {
      this.still.hidden = true;
    });
    this.frame = el('div', { class: 'embed-card-frame' }, [
      this.still,
      el('span', { class: 'embed-card-play', 'aria-hidden': 'true' }),
    ]);
    this.mark = el('span', { class: 'embed-card-mark', 'aria-hidden': 'true' });
    this.source = el('p', { class: 'embed-card-source' });
    this.titleText = el('p', { class: 'embed-card-title' });
    this.link = el('a', {
      class: 'embed-card-url',
      target: '_blank',
      rel: 'noopener noreferrer',
    });
    this.card = el('div', { class: 'block-preview embed-card' }, [
      this.frame,
      this.mark,
      el('div', { class: 'embed-card-text' }, [this.source, this.titleText, this.link]),
    ]);
    const title = labelledInput('Title (optional)', String(node.attrs.title), (v) =>
      setAttr(view, getPos, 'title', v),
    );
    this.title = title.input;
    this.dom.append(this.card, title.wrapper, removeButton('Remove embed', view, getPos));
    this.refresh();
  }

  protected override refresh(): void {
    const provider = this.node.attrs.provider as EmbedProvider;
    const url = String(this.node.attrs.url);
    const title = String(this.node.attrs.title);
    const label = toProviderLabel(provider);
    const video = embedIframeSrc(provider, url) !== null;
    this.card.dataset.provider = provider;
    this.card.classList.toggle('is-video', video);
    this.dom.setAttribute('aria-label', `Embed block: ${video ? `${label} video` : label}`);
    this.frame.hidden = !video;
    const still = video ? embedThumbnailSrc(provider, url) : null;
    if (still === null) {
      this.still.hidden = true;
      this.still.removeAttribute('src');
    } else if (this.still.getAttribute('src') !== still) {
      this.still.hidden = false;
      this.still.src = still;
    }
    this.mark.hidden = video;
    const source = toEmbedSource(provider, url);
    this.mark.textContent = source.charAt(0).toUpperCase();
    this.source.textContent = video ? `${label} video` : source;
    // Readers see the title, or for a link card without one the address; a video without
    // one is announced as "YouTube video".
    this.titleText.textContent =
      title !== '' ? title : video ? `No title: screen readers hear “${label} video”` : url;
    this.titleText.classList.toggle('is-placeholder', title === '' && video);
    this.link.href = url;
    this.link.textContent = url;
    syncInput(this.title, title);
  }
}
