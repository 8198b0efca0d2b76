import type { Kysely } from 'kysely';

/**
 * Members: readers with an account. `status` is free, paid, gift or comped; `status_until`
 * ends a gift or a comp. Labels, notes and a timeline belong to one member and go with
 * them. Sessions and sign-in links keep only the SHA-256 of their secrets. `member_secrets`
 * holds the key that signs the audience cookie, made once and shared by every process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('free'))
    .addColumn('status_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('last_seen_at', 'text')
    .execute();
  await db.schema.createIndex('members_status').on('members').column('status').execute();
  await db.schema.createIndex('members_created').on('members').column('created_at').execute();

  await db.schema
    .createTable('member_labels')
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_labels_pk', ['member_id', 'label'])
    .execute();
  await db.schema.createIndex('member_labels_label').on('member_labels').column('label').execute();

  await db.schema
    .createTable('member_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('member_notes_member')
    .on('member_notes')
    .column('member_id')
    .execute();

  await db.schema
    .createTable('member_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('actor_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('member_events_member')
    .on('member_events')
    .columns(['member_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('member_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('member_sessions_member')
    .on('member_sessions')
    .column('member_id')
    .execute();

  await db.schema
    .createTable('member_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.references('members.id').onDelete('cascade'))
    .addColumn('next_path', 'text')
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('requested_ip', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('member_links_email').on('member_links').column('email').execute();

  await db.schema
    .createTable('member_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
