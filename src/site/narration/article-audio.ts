import type { Post } from '../../features/content/post.js';
import type { Entitlement } from '../../features/members/entitlement.js';
import { audioPath } from '../../features/narration/narration-view.js';
import type { ReaderAudio } from '../../features/narration/narration.service.js';
import { engineNameOf } from '../../platform/tts/speech-engine.js';
import type { ArticleAudioView } from './audio-player.js';

/** What the article route needs to show a player. */
export interface ArticleAudioDeps {
  readonly readerAudio: (post: Post, entitlement: Entitlement) => Promise<ReaderAudio | null>;
  /** The disclosure template; `{engine}` becomes the name of the engine that spoke. */
  readonly disclosure: string;
  readonly islandUrl: string;
}

/** The player of an article for this reader, or null: no ready audio shows no player. */
export async function loadArticleAudio(
  deps: ArticleAudioDeps,
  post: Post,
  entitlement: Entitlement,
): Promise<ArticleAudioView | null> {
  const audio = await deps.readerAudio(post, entitlement);
  if (audio === null) return null;
  const src = audioPath(post.id, audio.key);
  return {
    src,
    downloadUrl: `${src}?download=1`,
    durationMs: audio.durationMs,
    bytes: audio.bytes,
    preview: audio.variant === 'preview',
    disclosure: deps.disclosure.replaceAll('{engine}', engineNameOf(audio.provider)),
    islandUrl: deps.islandUrl,
  };
}
