import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A toolbar that is one Tab stop (the ARIA toolbar pattern): the control used last keeps
 * `tabindex="0"`, every other control `-1`; arrow keys, Home and End move between
 * controls; Escape goes back to the text.
 */
export function useRovingToolbar(onEscape: () => void): {
  ref: RefObject<HTMLDivElement | null>;
  onKeyDown: (event: KeyboardEvent) => void;
  onFocusIn: (event: FocusEvent) => void;
} {
  const ref = useRef<HTMLDivElement | null>(null);
  const current = useRef(0);
  const controls = () =>
    Array.from(
      ref.current?.querySelectorAll<HTMLElement>('button:not(:disabled), select:not(:disabled)') ??
        [],
    );

  // After every render: buttons come and go disabled, so the tab stop is set again.
  useEffect(() => {
    const all = controls();
    if (all.length === 0) return;
    current.current = Math.min(current.current, all.length - 1);
    all.forEach((control, i) => {
      control.tabIndex = i === current.current ? 0 : -1;
    });
    ref.current
      ?.querySelectorAll<HTMLElement>('button:disabled')
      .forEach((control) => (control.tabIndex = -1));
  });

  const moveTo = (index: number) => {
    const all = controls();
    if (all.length === 0) return;
    const next = (index + all.length) % all.length;
    all.forEach((control, i) => (control.tabIndex = i === next ? 0 : -1));
    current.current = next;
    all[next]?.focus();
  };

  return {
    ref,
    onFocusIn(event) {
      const index = controls().indexOf(event.target as HTMLElement);
      if (index >= 0) {
        current.current = index;
        controls().forEach((control, i) => (control.tabIndex = i === index ? 0 : -1));
      }
    },
    onKeyDown(event) {
      const index = controls().indexOf(document.activeElement as HTMLElement);
      if (index < 0) return;
      const moves: Record<string, number> = {
        ArrowRight: index + 1,
        ArrowLeft: index - 1,
        Home: 0,
        End: controls().length - 1,
      };
      const target = moves[event.key];
      if (target !== undefined) {
        event.preventDefault();
        moveTo(target);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        onEscape();
      }
    },
  };
}
