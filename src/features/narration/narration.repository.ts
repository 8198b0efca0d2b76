import type { Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { LexiconEntry } from './lexicon.js';
import type { NarrationLexiconRow, NarrationRow, NarrationTable } from './narration.table.js';

type NarrationUpdate = Omit<Updateable<NarrationTable>, 'post_id'>;

export async function findNarration(
  executor: Executor,
  postId: string,
): Promise<NarrationRow | undefined> {
  return executor
    .selectFrom('narrations')
    .selectAll()
    .where('post_id', '=', postId)
    .executeTakeFirst();
}

export async function findNarrations(
  executor: Executor,
  postIds: readonly string[],
): Promise<NarrationRow[]> {
  if (postIds.length === 0) return [];
  return executor.selectFrom('narrations').selectAll().where('post_id', 'in', postIds).execute();
}

/** The row of a post, made (empty, enabled) when there is none yet. */
export async function ensureNarration(
  executor: Executor,
  postId: string,
  now: string,
): Promise<NarrationRow> {
  await executor
    .insertInto('narrations')
    .values({ post_id: postId, updated_at: now })
    .onConflict((oc) => oc.column('post_id').doNothing())
    .execute();
  const row = await findNarration(executor, postId);
  if (row === undefined) throw new Error(`The narration of post ${postId} could not be made.`);
  return row;
}

export async function updateNarration(
  executor: Executor,
  postId: string,
  values: NarrationUpdate,
): Promise<void> {
  await executor.updateTable('narrations').set(values).where('post_id', '=', postId).execute();
}

/** Ready narrations, newest first: the podcast's episodes. */
export async function listReadyNarrations(
  executor: Executor,
  limit: number,
): Promise<NarrationRow[]> {
  return executor
    .selectFrom('narrations')
    .selectAll()
    .where('audio_key', 'is not', null)
    .where('enabled', '=', 1)
    .orderBy('ready_at', 'desc')
    .limit(limit)
    .execute();
}

export async function countByStatus(executor: Executor): Promise<Record<string, number>> {
  const rows = await executor
    .selectFrom('narrations')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}

export async function listLexicon(executor: Executor): Promise<NarrationLexiconRow[]> {
  return executor.selectFrom('narration_lexicon').selectAll().orderBy('term_key').execute();
}

export async function lexiconEntries(executor: Executor): Promise<LexiconEntry[]> {
  return (await listLexicon(executor)).map((row) => ({ term: row.term, say: row.say }));
}

export async function upsertLexiconEntry(
  executor: Executor,
  entry: { id: string; term: string; say: string; now: string },
): Promise<NarrationLexiconRow> {
  const termKey = entry.term.toLowerCase();
  await executor
    .insertInto('narration_lexicon')
    .values({
      id: entry.id,
      term: entry.term,
      term_key: termKey,
      say: entry.say,
      created_at: entry.now,
      updated_at: entry.now,
    })
    .onConflict((oc) =>
      oc
        .column('term_key')
        .doUpdateSet({ term: entry.term, say: entry.say, updated_at: entry.now }),
    )
    .execute();
  const row = await executor
    .selectFrom('narration_lexicon')
    .selectAll()
    .where('term_key', '=', termKey)
    .executeTakeFirstOrThrow();
  return row;
}

export async function deleteLexiconEntry(executor: Executor, id: string): Promise<boolean> {
  const result = await executor
    .deleteFrom('narration_lexicon')
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listSectionVoices(
  executor: Executor,
): Promise<{ tag_id: string; voice: string }[]> {
  return executor.selectFrom('narration_section_voices').select(['tag_id', 'voice']).execute();
}

export async function setSectionVoice(
  executor: Executor,
  tagId: string,
  voice: string | null,
  now: string,
): Promise<void> {
  if (voice === null) {
    await executor.deleteFrom('narration_section_voices').where('tag_id', '=', tagId).execute();
    return;
  }
  await executor
    .insertInto('narration_section_voices')
    .values({ tag_id: tagId, voice, updated_at: now })
    .onConflict((oc) => oc.column('tag_id').doUpdateSet({ voice, updated_at: now }))
    .execute();
}
