import type { Node as PmNode } from 'prosemirror-model';
import type { EditorView, NodeView, NodeViewConstructor } from 'prosemirror-view';
import { AtomView, removeButton, setAttr, type GetPos } from './atom-view.js';
import { el, labelledInput, syncInput } from './dom-builder.js';
import { EmbedBlockView } from './embed-block-view.js';
import { ImageBlockView } from './image-block-view.js';

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
    image: (node, view, getPos) => new ImageBlockView(node, view, getPos),
    embed: (node, view, getPos) => new EmbedBlockView(node, view, getPos),
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
