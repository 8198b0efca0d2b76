import type { Node as PmNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { AtomView, removeButton, setAttr, type GetPos } from './atom-view.js';
import { el, labelledInput, syncInput, uniqueId } from './dom-builder.js';

type ImageField = 'alt' | 'caption' | 'credit';

/**
 * An image block as readers will see it — the picture at the body's width with its
 * caption and credit under it, the alt text on the picture — and its fields beside it.
 * The caption line follows the fields as the person types.
 */
export class ImageBlockView extends AtomView {
  private readonly img: HTMLImageElement;
  private readonly caption: HTMLElement;
  private readonly captionText: Text;
  private readonly credit: HTMLElement;
  private readonly inputs: Record<ImageField, HTMLInputElement>;
  private readonly problem: HTMLElement;

  constructor(node: PmNode, view: EditorView, getPos: GetPos) {
    super(node, view, getPos, 'Image block');
    this.img = el('img', { class: 'block-image-preview', alt: '' });
    this.captionText = document.createTextNode('');
    this.credit = el('span', { class: 'credit' });
    this.caption = el('figcaption', { class: 'block-preview-caption' }, [
      this.captionText,
      this.credit,
    ]);
    const problemId = uniqueId('alt-problem');
    this.problem = el('p', { class: 'block-problem', id: problemId }, [
      'Add alt text before publishing: describe the image for readers who cannot see it.',
    ]);
    const field = (name: ImageField, label: string) =>
      labelledInput(
        label,
        String(node.attrs[name]),
        (value) => setAttr(view, getPos, name, value),
        {
          className: `image-${name}`,
        },
      );
    const alt = field('alt', 'Alt text');
    alt.input.setAttribute('aria-describedby', problemId);
    const caption = field('caption', 'Caption');
    const credit = field('credit', 'Credit');
    this.inputs = { alt: alt.input, caption: caption.input, credit: credit.input };
    this.dom.append(
      el('div', { class: 'block-image-layout' }, [
        el('figure', { class: 'block-preview block-image-figure' }, [this.img, this.caption]),
        el('div', { class: 'block-fields' }, [
          alt.wrapper,
          this.problem,
          caption.wrapper,
          credit.wrapper,
        ]),
      ]),
      removeButton('Remove image', view, getPos),
    );
    this.refresh();
  }

  protected override refresh(): void {
    const attrs = {
      src: String(this.node.attrs.src),
      alt: String(this.node.attrs.alt),
      caption: String(this.node.attrs.caption),
      credit: String(this.node.attrs.credit),
    };
    if (this.img.getAttribute('src') !== attrs.src) this.img.src = attrs.src;
    this.img.alt = attrs.alt;
    // The reader's figcaption: "Caption Credit", the credit set apart.
    this.captionText.data =
      attrs.caption !== '' && attrs.credit !== '' ? `${attrs.caption} ` : attrs.caption;
    this.credit.textContent = attrs.credit;
    this.credit.hidden = attrs.credit === '';
    this.caption.hidden = attrs.caption === '' && attrs.credit === '';
    syncInput(this.inputs.alt, attrs.alt);
    syncInput(this.inputs.caption, attrs.caption);
    syncInput(this.inputs.credit, attrs.credit);
    const missing = attrs.alt.trim() === '';
    this.problem.hidden = !missing;
    this.dom.classList.toggle('is-missing-alt', missing);
  }
}
