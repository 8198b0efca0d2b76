/**
 * A small helper for building the editor's node views as plain DOM: ProseMirror owns the
 * editing surface, so its blocks are drawn without a component framework.
 */

type Attrs = Record<string, string | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children);
  return node;
}

let counter = 0;

/** A document-unique id for tying a label to its control. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A labelled text input; `onValue` runs on every change. */
export function labelledInput(
  label: string,
  value: string,
  onValue: (value: string) => void,
  options: { type?: string; hint?: string; className?: string } = {},
): { wrapper: HTMLElement; input: HTMLInputElement } {
  const id = uniqueId('block-field');
  const input = el('input', { id, type: options.type ?? 'text', class: options.className });
  input.value = value;
  input.addEventListener('input', () => onValue(input.value));
  const wrapper = el('div', { class: 'block-field' }, [el('label', { for: id }, [label]), input]);
  return { wrapper, input };
}

/** Sets an input's value unless someone is typing in it. */
export function syncInput(input: HTMLInputElement, value: string): void {
  if (document.activeElement !== input && input.value !== value) input.value = value;
}
