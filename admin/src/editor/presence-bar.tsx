import { Notice } from '../ui/fields.js';
import type { OtherEditor } from './presence.js';
import './together.css';

function nameOf(editor: OtherEditor): string {
  return editor.me ? `${editor.name} (you, in another tab)` : editor.name;
}

/** Names everyone else who has the post open, and warns while one of them is typing. */
export function PresenceBar(props: { readonly others: readonly OtherEditor[] }) {
  const typing = props.others.filter((o) => o.typing);
  return (
    <div class="presence">
      {props.others.length > 0 && (
        <div class="presence-bar">
          <span id="presence-label">Also editing:</span>
          <ul aria-labelledby="presence-label">
            {props.others.map((o) => (
              <li
                key={o.session}
                class={o.typing ? 'presence-person presence-person-typing' : 'presence-person'}
              >
                {nameOf(o)}
                {o.typing ? ' — typing' : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {typing.length > 0 && (
        <Notice kind="warning">
          <strong>
            {typing.map(nameOf).join(' and ')} {typing.length === 1 ? 'is' : 'are'} typing in this
            post.
          </strong>{' '}
          Changes to different fields are merged. If you both change the same field, you will see
          both versions and choose.
        </Notice>
      )}
    </div>
  );
}
