import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../ui/fields.js';
import type { ScreenProps } from './screens.js';

/**
 * A screen whose code is fetched the first time it opens, so screens that do not need it
 * (the sign-in page above all) never download it. The loaded component is kept.
 */
export function lazyScreen(
  load: () => Promise<ComponentType<ScreenProps>>,
  what = 'this screen',
): ComponentType<ScreenProps> {
  let loaded: ComponentType<ScreenProps> | null = null;
  return function LazyScreen(props: ScreenProps) {
    const [component, setComponent] = useState(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (component !== null) return;
      load().then(
        (found) => {
          loaded = found;
          setComponent(() => found);
        },
        () => setFailed(true),
      );
    }, []);
    if (failed) {
      return (
        <Notice kind="error">
          This screen could not be loaded. Check your connection and reload the page.
        </Notice>
      );
    }
    if (component === null) {
      return (
        <p class="loading" role="status">
          Loading {what}…
        </p>
      );
    }
    const Screen = component;
    return <Screen {...props} />;
  };
}
