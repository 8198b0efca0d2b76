import { useEffect, useRef, useState } from 'preact/hooks';
import { hasAtLeast } from '../../../src/features/staff/role.js';
import { toMessage } from '../api/api-client.js';
import type { NarrationResource, PostResource, StaffUser } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { Notice } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';
import { decideNarrationState } from './narration-state.js';
import { NarrationStatus } from './narration-status.js';

/** How often a pending narration is read again, so the panel shows when it is ready. */
const pendingPollMs = 3_000;

/**
 * The post's narration in the editor: its state, a player, and for editors "Regenerate"
 * and narration on or off. While the narration is pending it is read again every few
 * seconds; the state line is a live region, so a screen reader hears it change.
 */
export function NarrationPanel(props: {
  readonly post: Pick<PostResource, 'id' | 'title' | 'status' | 'revision'>;
  readonly user: StaffUser;
}) {
  const { api } = useApp();
  const { post } = props;
  const path = `/posts/${encodeURIComponent(post.id)}/narration`;
  const [narration, reload] = useResource(
    () => api.get<{ narration: NarrationResource }>(path),
    `${path}:${post.status}`,
  );
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const found = narration.state === 'ready' ? narration.value.narration : undefined;
  const pending = decideNarrationState(found, post.status).kind === 'pending';

  // A save of a live post may ask for new audio: read again, keeping what is shown meanwhile.
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) reload();
    mounted.current = true;
  }, [post.revision, reload]);

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(reload, pendingPollMs);
    return () => clearTimeout(timer);
  }, [pending, found, reload]);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run();
      setMessage({ kind: 'success', text: done });
    } catch (caught) {
      setMessage({ kind: 'error', text: toMessage(caught) });
    }
    setBusy(false);
    reload();
  };
  const manages = hasAtLeast(props.user.role, 'editor');

  return (
    <section class="panel" aria-labelledby="narration-title">
      <h2 id="narration-title">Narration</h2>
      <Loaded resource={narration} what="the narration">
        {({ narration: n }) => (
          <div class="stack">
            <div aria-live="polite">
              <NarrationStatus narration={n} postStatus={post.status} />
            </div>
            {n.audio !== null && n.enabled && (
              <audio
                controls
                preload="none"
                src={n.audio.url}
                aria-label={`Narration of “${post.title}”`}
              />
            )}
            {message !== null && <Notice kind={message.kind}>{message.text}</Notice>}
            {manages && (
              <div class="actions">
                {post.status === 'published' && n.enabled && (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      void act(
                        () => api.send('POST', `${path}/regenerate`),
                        'Narrating again; the current audio stays until the new one is ready.',
                      )
                    }
                  >
                    Regenerate
                  </button>
                )}
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    void act(
                      () => api.send('PUT', path, { enabled: !n.enabled }),
                      n.enabled
                        ? 'Narration is off: readers get no audio of this article.'
                        : 'Narration is on.',
                    )
                  }
                >
                  {n.enabled ? 'Turn narration off' : 'Turn narration on'}
                </button>
              </div>
            )}
          </div>
        )}
      </Loaded>
    </section>
  );
}
