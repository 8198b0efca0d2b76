import type { Node as PmNode } from 'prosemirror-model';
import type { EditorView, NodeView, NodeViewConstructor } from 'prosemirror-view';
import { toProviderLabel } from '../../../src/features/content/body/embed-provider.js';
import type { EmbedProvider } from '../../../src/features/content/body/body.types.js';
import { el, labelledInput, syncInput, uniqueId } from './dom-builder.js';

/**
 * How blocks that are more than text look and are edited inside the editor. Atoms
 * (image, embed, related card, divider, paywall) carry their own labelled fields; quote
 * and pull quote add an attribution field under their text. Events inside the fields
 * belong to the fields, not to ProseMirror.
 */

export interface NodeViewServices {
  /** The headline of a post, for a related card that only knows the post's id. */
  describePost(postId: string): Promise<string>;
}

type GetPos = () => number | undefined;

function setAttr(view: EditorView, getPos: GetPos, name: string, value: unknown): void {
  const pos = getPos();
  if (pos === undefined) return;
  const node = view.state.doc.nodeAt(pos);
  if (node === null) return;
  view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, [name]: value }));
}

function removeButton(label: string, view: EditorView, getPos: GetPos): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'block-remove' }, [label]);
  button.addEventListener('click', () => {
    const pos = getPos();
    if (pos === undefined) return;
    const node = view.state.doc.nodeAt(pos);
    if (node === null) return;
    view.dispatch(view.state.tr.delete(pos, pos + node.nodeSize));
    view.focus();
  });
  return button;
}

/** An atom block: a labelled group whose fields take their own events. */
abstract class AtomView implements NodeView {
  readonly dom: HTMLElement;

  constructor(
    protected node: PmNode,
    protected readonly view: EditorView,
    protected readonly getPos: GetPos,
    label: string,
  ) {
    this.dom = el('div', {
      class: `block block-${node.type.name}`,
      role: 'group',
      'aria-label': label,
      contenteditable: 'false',
    });
  }

  update(node: PmNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.refresh();
    return true;
  }

  protected refresh(): void {
    // Atoms without fields have nothing to refresh.
  }

  stopEvent(event: Event): boolean {
    const target = event.target as Element | null;
    return target !== null && target.closest('input, button, textarea, select, label') !== null;
  }

  ignoreMutation(): boolean {
    return true;
  }

  selectNode(): void {
    this.dom.classList.add('is-selected');
  }

  deselectNode(): void {
    this.dom.classList.remove('is-selected');
  }
}

class ImageView extends AtomView {
  private readonly img: HTMLImageElement;
  private readonly inputs: Record<'alt' | 'caption' | 'credit', HTMLInputElement>;
  private readonly problem: HTMLElement;

  constructor(node: PmNode, view: EditorView, getPos: GetPos) {
    super(node, view, getPos, 'Image block');
    this.img = el('img', { class: 'block-image-preview', alt: '' });
    const problemId = uniqueId('alt-problem');
    this.problem = el('p', { class: 'block-problem', id: problemId }, [
      'Add alt text before publishing: describe the image for readers who cannot see it.',
    ]);
    const field = (name: 'alt' | 'caption' | 'credit', label: string) =>
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
      el('div', { class: 'block-image' }, [
        this.img,
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
    const { attrs } = this.node;
    if (this.img.getAttribute('src') !== attrs.src) this.img.src = String(attrs.src);
    syncInput(this.inputs.alt, String(attrs.alt));
    syncInput(this.inputs.caption, String(attrs.caption));
    syncInput(this.inputs.credit, String(attrs.credit));
    const missing = String(attrs.alt).trim() === '';
    this.problem.hidden = !missing;
    this.dom.classList.toggle('is-missing-alt', missing);
  }
}

class EmbedView extends AtomView {
  private readonly title: HTMLInputElement;
  private readonly summary: HTMLElement;

  constructor(node: PmNode, view: EditorView, getPos: GetPos) {
    super(node, view, getPos, 'Embed block');
    this.summary = el('p', { class: 'block-summary' });
    const title = labelledInput('Title (optional)', String(node.attrs.title), (v) =>
      setAttr(view, getPos, 'title', v),
    );
    this.title = title.input;
    this.dom.append(this.summary, title.wrapper, removeButton('Remove embed', view, getPos));
    this.refresh();
  }

  protected override refresh(): void {
    const provider = toProviderLabel(this.node.attrs.provider as EmbedProvider);
    this.summary.textContent = `${provider}: ${String(this.node.attrs.url)}`;
    syncInput(this.title, String(this.node.attrs.title));
  }
}

class RelatedView extends AtomView {
  private readonly summary: HTMLElement;

  constructor(node: PmNode, view: EditorView, getPos: GetPos, services: NodeViewServices) {
    super(node, view, getPos, 'Related article block');
    this.summary = el('p', { class: 'block-summary' });
    this.dom.append(this.summary, removeButton('Remove related article', view, getPos));
    this.refresh();
    if (String(node.attrs.label) === '') {
      services.describePost(String(node.attrs.postId)).then(
        (title) => setAttr(view, getPos, 'label', title),
        () => undefined,
      );
    }
  }

  protected override refresh(): void {
    const label = String(this.node.attrs.label);
    this.summary.textContent = `Related article: ${label === '' ? String(this.node.attrs.postId) : label}`;
  }
}

class MarkerView extends AtomView {
  constructor(node: PmNode, view: EditorView, getPos: GetPos, label: string, text: string) {
    super(node, view, getPos, label);
    this.dom.append(
      el('p', { class: 'block-summary' }, [text]),
      removeButton(`Remove ${label.toLowerCase()}`, view, getPos),
    );
  }
}

/** Quote and pull quote: editable text, with an attribution field below it. */
class AttributedView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  private readonly footer: HTMLElement;
  private readonly attribution: HTMLInputElement;

  constructor(
    private node: PmNode,
    view: EditorView,
    getPos: GetPos,
  ) {
    const pull = node.type.name === 'pullquote';
    this.contentDOM = el('p', { class: 'block-text' });
    const field = labelledInput(
      pull ? 'Pull quote attribution' : 'Quote attribution',
      String(node.attrs.attribution),
      (v) => setAttr(view, getPos, 'attribution', v),
    );
    this.attribution = field.input;
    this.footer = el('div', { class: 'block-attribution', contenteditable: 'false' }, [
      field.wrapper,
    ]);
    this.dom = el(
      pull ? 'aside' : 'blockquote',
      { class: pull ? 'block block-pullquote' : 'block block-quote' },
      [this.contentDOM, this.footer],
    );
  }

  update(node: PmNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    syncInput(this.attribution, String(node.attrs.attribution));
    return true;
  }

  stopEvent(event: Event): boolean {
    return this.footer.contains(event.target as Node);
  }

  ignoreMutation(mutation: { target: Node }): boolean {
    return this.footer.contains(mutation.target);
  }
}

export function createNodeViews(services: NodeViewServices): Record<string, NodeViewConstructor> {
  return {
    image: (node, view, getPos) => new ImageView(node, view, getPos),
    embed: (node, view, getPos) => new EmbedView(node, view, getPos),
    related: (node, view, getPos) => new RelatedView(node, view, getPos, services),
    divider: (node, view, getPos) => new MarkerView(node, view, getPos, 'Divider', 'Divider'),
    paywall: (node, view, getPos) =>
      new MarkerView(
        node,
        view,
        getPos,
        'Paywall marker',
        'Paywall: readers without access stop reading here.',
      ),
    quote: (node, view, getPos) => new AttributedView(node, view, getPos),
    pullquote: (node, view, getPos) => new AttributedView(node, view, getPos),
  };
}
