import { parseArgs } from 'node:util';
import { engineNameOf } from '../../platform/tts/speech-engine.js';
import type { NarrationService } from './narration.service.js';

export interface NarrationCliDeps {
  readonly narration: NarrationService;
  readonly listPostIds: () => Promise<{ id: string; slug: string }[]>;
}

const usage =
  'Use: masthead narration run [--all] | masthead narration status\n' +
  '  run      narrate every published article now whose script changed (--all: every one, again)\n' +
  "  status   counts by state, and each article's narration\n";

/** `masthead narration run|status`: narrate now in this process, or see where things stand. */
export async function runNarrationCommand(
  deps: NarrationCliDeps,
  sub: string | undefined,
  args: readonly string[],
): Promise<number> {
  const engine = deps.narration.engine;
  if (sub === 'status') {
    const posts = await deps.listPostIds();
    const rows = new Map(
      (await deps.narration.findRows(posts.map((p) => p.id))).map((r) => [r.post_id, r]),
    );
    const counts = await deps.narration.counts();
    process.stdout.write(
      (engine === null
        ? 'Engine: none (MASTHEAD_TTS_PROVIDER=off: no audio is made)\n'
        : `Engine: ${engineNameOf(engine.provider)} (voice ${engine.defaultVoice})\n`) +
        `Narrations: ${
          Object.entries(counts)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') || 'none'
        }\n`,
    );
    for (const post of posts) {
      const row = rows.get(post.id);
      const audio =
        row?.duration_ms == null
          ? 'no audio'
          : `${(row.duration_ms / 60_000).toFixed(1)} min, ${row.bytes ?? 0} bytes, ${row.provider ?? ''}/${row.voice ?? ''}`;
      const error = row?.last_error == null ? '' : `  ${row.last_error}`;
      process.stdout.write(
        `${post.slug.padEnd(48)} ${(row?.status ?? 'none').padEnd(10)} ${audio}${error}\n`,
      );
    }
    return 0;
  }
  if (sub !== 'run') {
    process.stderr.write(usage);
    return 64;
  }
  const { values } = parseArgs({ args: [...args], options: { all: { type: 'boolean' } } });
  if (engine === null) {
    process.stderr.write(
      'Narration is off for this newsroom (MASTHEAD_TTS_PROVIDER=off): nothing is narrated.\n',
    );
    return 1;
  }
  const engineName = engineNameOf(engine.provider);
  const posts = await deps.listPostIds();
  process.stdout.write(`Narrating ${posts.length} published article(s) with ${engineName}…\n`);
  let audioMs = 0;
  let spentMs = 0;
  let failures = 0;
  for (const post of posts) {
    try {
      const outcome = await deps.narration.narrateNow(post.id, values.all === true);
      const [row] = await deps.narration.findRows([post.id]);
      if (outcome === 'generated' && row?.duration_ms != null && row.synthesis_ms !== null) {
        audioMs += row.duration_ms;
        spentMs += row.synthesis_ms;
      }
      process.stdout.write(
        `${post.slug.padEnd(48)} ${outcome}${row?.duration_ms == null ? '' : ` (${(row.duration_ms / 1000).toFixed(0)} s of audio)`}\n`,
      );
    } catch (error) {
      failures += 1;
      process.stdout.write(
        `${post.slug.padEnd(48)} failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
  if (audioMs > 0) {
    process.stdout.write(
      `Made ${(audioMs / 60_000).toFixed(1)} min of audio in ${(spentMs / 1000).toFixed(1)} s: ` +
        `${(spentMs / 1000 / (audioMs / 60_000)).toFixed(2)} s per minute of audio.\n`,
    );
  }
  return failures === 0 ? 0 : 1;
}
