import type { NavigationLink } from '../api/resources.js';
import { moveItem } from '../curation/move-item.js';

/** The site header's links, in order: add, edit, move and remove. */
export function NavigationEditor(props: {
  readonly links: readonly NavigationLink[];
  readonly onChange: (links: NavigationLink[]) => void;
}) {
  const { links, onChange } = props;
  const update = (index: number, changes: Partial<NavigationLink>) =>
    onChange(links.map((link, i) => (i === index ? { ...link, ...changes } : link)));
  return (
    <fieldset class="panel stack">
      <legend>Navigation</legend>
      {links.length === 0 && <p class="empty">No links: the header shows the sections.</p>}
      <ol class="nav-links">
        {links.map((link, index) => (
          <li key={index} class="inline-form">
            <label for={`nav-label-${index}`}>Label {index + 1}</label>
            <input
              id={`nav-label-${index}`}
              value={link.label}
              onInput={(e) => update(index, { label: e.currentTarget.value })}
            />
            <label for={`nav-url-${index}`}>Address {index + 1}</label>
            <input
              id={`nav-url-${index}`}
              value={link.url}
              onInput={(e) => update(index, { url: e.currentTarget.value })}
            />
            <button
              type="button"
              class="button-small"
              disabled={index === 0}
              onClick={() => onChange(moveItem(links, index, index - 1))}
            >
              Move up: link {index + 1}
            </button>
            <button
              type="button"
              class="button-small"
              onClick={() => onChange(links.filter((_, i) => i !== index))}
            >
              Remove link {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <div class="actions">
        <button
          type="button"
          class="button-small"
          onClick={() => onChange([...links, { label: '', url: '' }])}
        >
          Add a link
        </button>
      </div>
    </fieldset>
  );
}
