import type { Kysely } from 'kysely';

/**
 * Narrations: one row per post. `status` is the latest request's state; the audio columns
 * describe the audio readers get, replaced only when a new narration is ready, so the
 * previous audio stays while the next is made. `preview_*` is the audio of a gated post's
 * preview. `request_seq` numbers requests: the job of an older one finds it superseded.
 * The lexicon says how terms are pronounced; section voices pick a voice per section.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('narrations')
    .addColumn('post_id', 'text', (c) => c.primaryKey().references('posts.id').onDelete('cascade'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('request_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requested_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('audio_key', 'text')
    .addColumn('duration_ms', 'integer')
    .addColumn('bytes', 'integer')
    .addColumn('preview_key', 'text')
    .addColumn('preview_duration_ms', 'integer')
    .addColumn('preview_bytes', 'integer')
    .addColumn('provider', 'text')
    .addColumn('voice', 'text')
    .addColumn('script_hash', 'text')
    .addColumn('script_words', 'integer')
    .addColumn('synthesis_ms', 'integer')
    .addColumn('generations', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ready_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('narrations_ready').on('narrations').column('ready_at').execute();

  await db.schema
    .createTable('narration_lexicon')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('term_key', 'text', (c) => c.notNull().unique())
    .addColumn('say', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('narration_section_voices')
    .addColumn('tag_id', 'text', (c) => c.primaryKey().references('tags.id').onDelete('cascade'))
    .addColumn('voice', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('narration_section_voices').execute();
  await db.schema.dropTable('narration_lexicon').execute();
  await db.schema.dropTable('narrations').execute();
}
