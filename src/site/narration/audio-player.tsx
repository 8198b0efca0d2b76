/** What the article page shows of its narration. */
export interface ArticleAudioView {
  readonly src: string;
  readonly downloadUrl: string;
  readonly durationMs: number;
  readonly bytes: number;
  /** A gated article's open part only. */
  readonly preview: boolean;
  /** The disclosure label, naming the engine that made the voice. */
  readonly disclosure: string;
  readonly islandUrl: string;
}

export function listenLabel(durationMs: number): string {
  return `Listen · ${Math.max(1, Math.round(durationMs / 60_000))} min`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

const speeds = ['0.75', '1', '1.25', '1.5', '2'];

/**
 * The article's audio: the native player (it plays, pauses and seeks with no script), the
 * disclosure label, a download link, and tools the island switches on: skip ±15 s and
 * playback speed.
 */
export function AudioPlayer({ audio }: { audio: ArticleAudioView }) {
  const label = listenLabel(audio.durationMs);
  return (
    <section class="article-audio" aria-labelledby="article-audio-title" data-audio-player>
      <h2 id="article-audio-title" class="article-audio-title">
        {label}
        {audio.preview && <span class="article-audio-note"> (the preview)</span>}
      </h2>
      <audio controls preload="metadata" src={audio.src} aria-labelledby="article-audio-title">
        <a href={audio.downloadUrl}>Download the audio</a>
      </audio>
      <div class="article-audio-tools" data-audio-tools hidden>
        <button type="button" data-skip="-15" aria-label="Back 15 seconds">
          −15 s
        </button>
        <button type="button" data-skip="15" aria-label="Forward 15 seconds">
          +15 s
        </button>
        <label>
          Speed{' '}
          <select data-speed>
            {speeds.map((speed) => (
              <option key={speed} value={speed} selected={speed === '1'}>
                {speed}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="article-audio-disclosure">{audio.disclosure}</p>
      <p class="article-audio-download">
        <a href={audio.downloadUrl} download>
          Download MP3 ({megabytes(audio.bytes)})
        </a>
      </p>
      <script type="module" src={audio.islandUrl}></script>
    </section>
  );
}
