import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';

/**
 * Who else has this post open (ADR 0011): a heartbeat every few seconds, and one at once
 * when the person starts typing, so the others hear of it before they type too.
 */

export interface OtherEditor {
  readonly session: string;
  readonly name: string;
  readonly typing: boolean;
  /** The same person in another tab or browser. */
  readonly me: boolean;
}

export const heartbeatMs = 5000;

function newSessionId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export interface Presence {
  readonly others: readonly OtherEditor[];
  /** Call on every change the person makes. */
  readonly typed: () => void;
}

export function usePresence(api: ApiClient, postId: string | null): Presence {
  const [others, setOthers] = useState<readonly OtherEditor[]>([]);
  const typedSince = useRef(false);
  const beatNow = useRef<() => void>(() => undefined);
  const lastBeat = useRef(0);

  useEffect(() => {
    if (postId === null) return;
    const session = newSessionId();
    const path = `/posts/${encodeURIComponent(postId)}/presence`;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const beat = async () => {
      clearTimeout(timer);
      lastBeat.current = Date.now();
      const typing = typedSince.current;
      typedSince.current = false;
      try {
        const answer = await api.send<{ editors: OtherEditor[] }>('PUT', path, {
          session,
          typing,
        });
        if (!stopped) setOthers(answer.editors);
      } catch {
        // Presence is a courtesy: a missed heartbeat changes nothing else.
      }
      if (!stopped) timer = setTimeout(() => void beat(), heartbeatMs);
    };
    beatNow.current = () => void beat();
    void beat();
    const leave = () => {
      void api
        .send('DELETE', `${path}/${session}`, undefined, { keepalive: true })
        .catch(() => undefined);
    };
    window.addEventListener('pagehide', leave);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('pagehide', leave);
      beatNow.current = () => undefined;
      leave();
    };
  }, [api, postId]);

  return {
    others,
    typed() {
      const first = !typedSince.current;
      typedSince.current = true;
      // The first keystroke after a quiet spell is told at once (at most every 2 s).
      if (first && Date.now() - lastBeat.current > 2000) beatNow.current();
    },
  };
}
