import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

/**
 * A modal built on the native `<dialog>`: the browser traps focus inside it, closes it on
 * Escape, and returns focus to where it was when it closes.
 */
export function Dialog(props: {
  readonly title: string;
  readonly onClose: () => void;
  readonly wide?: boolean;
  readonly children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    const handleClose = () => onClose.current();
    dialog.addEventListener('close', handleClose);
    return () => {
      dialog.removeEventListener('close', handleClose);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      class={props.wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
    >
      <div class="dialog-header">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" class="button-quiet" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
      <div class="dialog-body">{props.children}</div>
    </dialog>
  );
}
