import type { SlashItem } from './slash-menu.js';
import './together.css';

export const slashMenuId = 'slash-menu';
export const slashOptionId = (item: SlashItem) => `slash-option-${item.id}`;

/**
 * The "/" menu's list. Focus stays in the text: the editor points at the active option
 * with `aria-activedescendant`, arrow keys move, Enter inserts, Escape closes.
 */
export function SlashMenuList(props: {
  readonly items: readonly SlashItem[];
  readonly active: number;
  readonly top: number;
  readonly left: number;
  readonly onChoose: (item: SlashItem) => void;
}) {
  return (
    <div class="slash-menu" style={{ top: `${props.top}px`, left: `${props.left}px` }}>
      {props.items.length === 0 ? (
        <p class="slash-menu-empty" id={slashMenuId} role="status">
          Nothing to insert by that name. Press Escape to go on typing.
        </p>
      ) : (
        <ul id={slashMenuId} role="listbox" aria-label="Insert">
          {props.items.map((item, i) => (
            <li
              key={item.id}
              id={slashOptionId(item)}
              role="option"
              aria-selected={i === props.active}
              class={i === props.active ? 'slash-option is-active' : 'slash-option'}
              // The text keeps focus and its cursor.
              onMouseDown={(event) => {
                event.preventDefault();
                props.onChoose(item);
              }}
            >
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
