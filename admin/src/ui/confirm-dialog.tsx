import type { ComponentChildren } from 'preact';
import { Dialog } from './dialog.js';

/**
 * Asks before something that readers would notice. The confirming button has focus, so
 * Enter confirms and Escape (or Cancel) leaves everything as it was.
 */
export function ConfirmDialog(props: {
  readonly title: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
  readonly children: ComponentChildren;
}) {
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <div class="stack">
        {props.children}
        <div class="actions">
          <button type="button" class="button-primary" autoFocus onClick={props.onConfirm}>
            {props.confirmLabel}
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}
