import type { Db } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { newId } from '../../platform/ids.js';
import type { JobContext } from '../../platform/jobs/job-worker.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Logger } from '../../platform/logger.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import { SpeechRejected, type SpeechEngine } from '../../platform/tts/speech-engine.js';
import type { PostChanged } from '../content/content-events.js';
import { sectionOf, type Post } from '../content/post.js';
import type { Entitlement } from '../members/entitlement.js';
import { decideReaderAccess } from '../members/reader-access.js';
import type { Actor } from '../staff/actor.js';
import { ensureCan } from '../staff/permissions.js';
import { speakAndStore } from './narration-audio.js';
import './narration-events.js';
import { buildNarrationScript, scriptHash, type NarrationSource } from './narration-script.js';
import { toNarrationView, type NarrationView } from './narration-view.js';
import * as repo from './narration.repository.js';
import type { NarrationRow } from './narration.table.js';

export interface NarrationDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly jobs: JobQueue;
  readonly events: EventOutbox;
  /** Null when the newsroom makes no narrations (`MASTHEAD_TTS_PROVIDER=off`). */
  readonly engine: SpeechEngine | null;
  readonly storage: FileStorage;
  readonly findPostsByIds: (ids: readonly string[]) => Promise<Post[]>;
  /** One page (from 1) of published posts, newest first; empty past the last. */
  readonly listPublished: (page: number) => Promise<Post[]>;
  /** Quiet time after the last edit before narrating: a burst of saves makes one narration. */
  readonly debounceMs?: number;
}

/** The audio a reader gets of one article. */
export interface ReaderAudio {
  readonly postId: string;
  readonly key: string;
  readonly fileName: string;
  readonly durationMs: number;
  readonly bytes: number;
  /** `preview`: a gated article's open part only. */
  readonly variant: 'whole' | 'preview';
  readonly provider: string;
  readonly voice: string;
  readonly readyAt: Date;
}

export type GenerateOutcome = 'generated' | 'unchanged' | 'skipped';

export const defaultNarrationDebounceMs = 60_000;
const jobKey = (postId: string, seq: number): string => `narration:${postId}:${seq}`;
const maxAttempts = 6;

function sourceOf(post: Post, body: Post['body']): NarrationSource {
  return {
    title: post.title,
    authorNames: post.authors.map((a) => a.name),
    standfirst: post.standfirst,
    body,
  };
}

export type NarrationService = ReturnType<typeof createNarrationService>;

/**
 * Narrations: requested when a live post changes, made by a job after a quiet spell,
 * remade only when what is said changes (the script hash decides), kept while the next
 * one is made, and served to each reader as much as `decideReaderAccess` allows.
 */
export function createNarrationService(deps: NarrationDeps) {
  const { db, clock, engine } = deps;
  const debounceMs = deps.debounceMs ?? defaultNarrationDebounceMs;
  const now = (): string => toTimestamp(clock.now());

  async function loadPost(postId: string): Promise<Post | undefined> {
    return (await deps.findPostsByIds([postId]))[0];
  }

  /**
   * Queues a narration of the post after `delayMs`, replacing a request still waiting.
   * With narration off for the newsroom, nothing is queued.
   */
  async function request(postId: string, options: { force: boolean; delayMs: number }) {
    if (engine === null) return;
    await db.transaction().execute(async (trx) => {
      const at = clock.now();
      const row = await repo.ensureNarration(trx, postId, toTimestamp(at));
      if (row.enabled === 0) return;
      const seq = row.request_seq + 1;
      await deps.jobs.cancel(trx, jobKey(postId, row.request_seq));
      const dueAt = new Date(at.getTime() + options.delayMs);
      await deps.jobs.enqueue(
        trx,
        'narration.generate',
        { postId, seq, force: options.force },
        { runAt: dueAt, idempotencyKey: jobKey(postId, seq), maxAttempts },
      );
      await repo.updateNarration(trx, postId, {
        request_seq: seq,
        requested_at: toTimestamp(at),
        due_at: toTimestamp(dueAt),
        status: 'queued',
        updated_at: toTimestamp(at),
      });
    });
  }

  async function voiceFor(engine: SpeechEngine, post: Post): Promise<string> {
    const section = sectionOf(post);
    if (section === null) return engine.defaultVoice;
    const voices = await repo.listSectionVoices(db);
    return voices.find((v) => v.tag_id === section.id)?.voice ?? engine.defaultVoice;
  }

  async function finish(postId: string, values: Parameters<typeof repo.updateNarration>[2]) {
    await db.transaction().execute(async (trx) => {
      await repo.updateNarration(trx, postId, { ...values, updated_at: now() });
      await deps.events.record(trx, 'narration.changed', { postId });
    });
    await deps.events.deliver();
  }

  /** Makes the narration of a post now, unless what it says is unchanged. */
  async function generate(postId: string, seq: number, force: boolean): Promise<GenerateOutcome> {
    if (engine === null) return 'skipped';
    const row = await repo.findNarration(db, postId);
    if (row === undefined || row.enabled === 0 || seq < row.request_seq) return 'skipped';
    const post = await loadPost(postId);
    if (post?.status !== 'published') {
      await repo.updateNarration(db, postId, { status: 'none', updated_at: now() });
      return 'skipped';
    }
    const voice = await voiceFor(engine, post);
    const lexicon = await repo.lexiconEntries(db);
    const whole = buildNarrationScript(
      sourceOf(post, decideReaderAccess(post, 'staff').body),
      lexicon,
    );
    const open = decideReaderAccess(post, 'anonymous');
    const preview =
      open.level === 'preview' ? buildNarrationScript(sourceOf(post, open.body), lexicon) : null;
    const hash = scriptHash({
      provider: engine.provider,
      voice,
      whole: whole.paragraphs,
      preview: preview?.paragraphs ?? null,
    });
    if (!force && row.script_hash === hash && row.audio_key !== null) {
      await repo.updateNarration(db, postId, {
        status: 'ready',
        last_error: null,
        failed_attempts: 0,
        updated_at: now(),
      });
      return 'unchanged';
    }
    await repo.updateNarration(db, postId, { status: 'generating', updated_at: now() });
    const started = performance.now();
    const gated = open.level !== 'whole';
    const speaker = { engine, storage: deps.storage };
    const wholeAudio = await speakAndStore(speaker, {
      postId,
      paragraphs: whole.paragraphs,
      voice,
      gated,
      variant: 'whole',
    });
    const previewAudio =
      preview === null
        ? null
        : await speakAndStore(speaker, {
            postId,
            paragraphs: preview.paragraphs,
            voice,
            gated: false,
            variant: 'preview',
          });
    const current = await repo.findNarration(db, postId);
    await finish(postId, {
      // A newer request arrived meanwhile: this audio is served, and that one still runs.
      status: current !== undefined && current.request_seq > seq ? 'queued' : 'ready',
      last_error: null,
      failed_attempts: 0,
      audio_key: wholeAudio.key,
      duration_ms: wholeAudio.durationMs,
      bytes: wholeAudio.bytes,
      preview_key: previewAudio?.key ?? null,
      preview_duration_ms: previewAudio?.durationMs ?? null,
      preview_bytes: previewAudio?.bytes ?? null,
      provider: engine.provider,
      voice,
      script_hash: hash,
      script_words: whole.words,
      synthesis_ms: Math.round(performance.now() - started),
      generations: (current?.generations ?? row.generations) + 1,
      ready_at: now(),
    });
    deps.logger.info(
      { postId, provider: engine.provider, voice, durationMs: wholeAudio.durationMs },
      'narration ready',
    );
    return 'generated';
  }

  /**
   * The job handler; the worker runs one at a time (`kindLimits`). A refusal (bad key,
   * unknown voice) fails at once and shows in the CMS; other failures retry with the
   * queue's backoff.
   */
  async function handleJob(
    payload: { postId: string; seq: number; force: boolean },
    context: JobContext,
  ): Promise<void> {
    try {
      await generate(payload.postId, payload.seq, payload.force);
    } catch (error) {
      const permanent = error instanceof SpeechRejected;
      const last = permanent || context.attempt >= context.job.max_attempts;
      const message = error instanceof Error ? error.message : String(error);
      await repo.updateNarration(db, payload.postId, {
        status: last ? 'failed' : 'retrying',
        last_error: message.slice(0, 1000),
        failed_attempts: context.attempt,
        updated_at: now(),
      });
      if (permanent) {
        deps.logger.warn({ postId: payload.postId, error: message }, 'narration refused');
        return;
      }
      throw error;
    }
  }

  /**
   * Asks for a narration of every live post that has none yet (the demo after seeding,
   * or a site turning narration on); says how many it asked for.
   */
  async function backfill(options: { all: boolean }): Promise<number> {
    if (engine === null) return 0;
    let asked = 0;
    for (let page = 1; page <= 100; page += 1) {
      const posts = await deps.listPublished(page);
      if (posts.length === 0) break;
      const rows = new Map(
        (
          await repo.findNarrations(
            db,
            posts.map((p) => p.id),
          )
        ).map((r) => [r.post_id, r]),
      );
      for (const post of posts) {
        const row = rows.get(post.id);
        if (row?.enabled === 0) continue;
        if (
          !options.all &&
          row !== undefined &&
          (row.audio_key !== null || row.status === 'queued')
        ) {
          continue;
        }
        await request(post.id, { force: options.all, delayMs: 0 });
        asked += 1;
      }
    }
    return asked;
  }

  async function requireRow(postId: string): Promise<NarrationRow> {
    const post = await loadPost(postId);
    if (post === undefined) throw notFound('The post');
    return repo.ensureNarration(db, postId, now());
  }

  return {
    engine,
    handleJob,
    generate,
    request,
    backfill,
    /** Narrates a post now, in this process (the CLI); unchanged scripts are kept. */
    async narrateNow(postId: string, force: boolean): Promise<GenerateOutcome> {
      const row = await repo.ensureNarration(db, postId, now());
      return generate(postId, row.request_seq, force);
    },

    /** Subscribed to `post.changed`: a live post's save asks for a narration after a pause. */
    async onPostChanged(event: PostChanged): Promise<void> {
      if (event.change === 'deleted' || !event.isLive) return;
      await request(event.postId, { force: false, delayMs: debounceMs });
    },

    /** The audio `entitlement` may hear, or null: a gated article's preview, or nothing. */
    async readerAudio(post: Post, entitlement: Entitlement): Promise<ReaderAudio | null> {
      const row = await repo.findNarration(db, post.id);
      return row === undefined ? null : toReaderAudio(row, post, entitlement);
    },

    async status(actor: Actor, postId: string): Promise<NarrationView> {
      ensureCan(actor, 'post.edit-own', 'see narrations');
      return toNarrationView(await requireRow(postId));
    },

    async statuses(actor: Actor, postIds: readonly string[]): Promise<NarrationView[]> {
      ensureCan(actor, 'post.edit-own', 'see narrations');
      return (await repo.findNarrations(db, postIds)).map(toNarrationView);
    },

    async regenerate(actor: Actor, postId: string): Promise<NarrationView> {
      ensureCan(actor, 'narration.manage', 'regenerate narrations');
      if (engine === null) {
        throw new AppError(
          'conflict',
          'Narration is off for this newsroom (MASTHEAD_TTS_PROVIDER=off): no audio is made.',
        );
      }
      const row = await requireRow(postId);
      if (row.enabled === 0) {
        throw new AppError('conflict', 'Narration is off for this article; turn it on first.');
      }
      const post = await loadPost(postId);
      if (post?.status !== 'published') {
        throw new AppError('conflict', 'Only a published article is narrated; publish it first.');
      }
      await request(postId, { force: true, delayMs: 0 });
      return toNarrationView(await requireRow(postId));
    },

    async setEnabled(actor: Actor, postId: string, enabled: boolean): Promise<NarrationView> {
      ensureCan(actor, 'narration.manage', 'turn narration on or off');
      const row = await requireRow(postId);
      if (enabled && row.enabled === 0) {
        await repo.updateNarration(db, postId, { enabled: 1, status: 'none', updated_at: now() });
        const post = await loadPost(postId);
        if (post?.status === 'published') await request(postId, { force: false, delayMs: 0 });
      } else if (!enabled && row.enabled === 1) {
        await deps.jobs.cancel(db, jobKey(postId, row.request_seq));
        await finish(postId, { enabled: 0, status: 'off' });
      }
      return toNarrationView(await requireRow(postId));
    },

    async counts(): Promise<Record<string, number>> {
      return repo.countByStatus(db);
    },

    async listReady(limit: number): Promise<NarrationRow[]> {
      return repo.listReadyNarrations(db, limit);
    },

    findRows: (postIds: readonly string[]) => repo.findNarrations(db, postIds),

    async listLexicon(actor: Actor) {
      ensureCan(actor, 'post.edit-own', 'see the pronunciation lexicon');
      return repo.listLexicon(db);
    },

    async putLexiconEntry(actor: Actor, input: { term: string; say: string }) {
      ensureCan(actor, 'narration.manage', 'change the pronunciation lexicon');
      const term = input.term.replace(/\s+/g, ' ').trim();
      const say = input.say.replace(/\s+/g, ' ').trim();
      if (term === '' || say === '') {
        throw new AppError('validation_failed', 'Give the term and how to say it.', [
          ...(term === '' ? [{ field: 'term', message: 'is required' }] : []),
          ...(say === '' ? [{ field: 'say', message: 'is required' }] : []),
        ]);
      }
      return repo.upsertLexiconEntry(db, { id: newId(), term, say, now: now() });
    },

    async deleteLexiconEntry(actor: Actor, id: string): Promise<void> {
      ensureCan(actor, 'narration.manage', 'change the pronunciation lexicon');
      if (!(await repo.deleteLexiconEntry(db, id))) throw notFound('The lexicon entry');
    },

    async listSectionVoices(actor: Actor) {
      ensureCan(actor, 'post.edit-own', 'see section voices');
      return repo.listSectionVoices(db);
    },

    async setSectionVoice(actor: Actor, tagId: string, voice: string | null): Promise<void> {
      ensureCan(actor, 'narration.manage', 'choose section voices');
      const chosen = voice?.trim() ?? '';
      await repo.setSectionVoice(db, tagId, chosen === '' ? null : chosen, now());
    },
  };
}

/** Which stored audio a reader gets: decided by the one reader-access rule. */
export function toReaderAudio(
  row: NarrationRow,
  post: Pick<Post, 'id' | 'visibility' | 'body' | 'status'>,
  entitlement: Entitlement,
): ReaderAudio | null {
  if (row.enabled === 0 || post.status !== 'published' || row.ready_at === null) return null;
  const level = decideReaderAccess(post, entitlement).level;
  const shared = {
    postId: post.id,
    provider: row.provider ?? '',
    voice: row.voice ?? '',
    readyAt: new Date(row.ready_at),
  };
  if (level === 'whole' && row.audio_key !== null) {
    // Audio made while the article was public has no preview; it is whole, so only
    // readers with access to the whole article get it.
    return {
      ...shared,
      key: row.audio_key,
      fileName: row.audio_key.slice(row.audio_key.lastIndexOf('/') + 1),
      durationMs: row.duration_ms ?? 0,
      bytes: row.bytes ?? 0,
      variant: 'whole',
    };
  }
  if (level === 'preview' && row.preview_key !== null) {
    return {
      ...shared,
      key: row.preview_key,
      fileName: row.preview_key.slice(row.preview_key.lastIndexOf('/') + 1),
      durationMs: row.preview_duration_ms ?? 0,
      bytes: row.preview_bytes ?? 0,
      variant: 'preview',
    };
  }
  return null;
}
