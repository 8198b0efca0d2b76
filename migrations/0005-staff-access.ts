import type { Kysely } from 'kysely';

/**
 * Password resets and invitations: one-time links sent by e-mail. A link's token is made
 * by the worker when it sends the e-mail, and only its SHA-256 is stored (`token_hash`,
 * null until then).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_password_resets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) =>
      c.notNull().references('staff_users.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('requested_ip', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('staff_password_resets_user')
    .on('staff_password_resets')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('staff_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('invited_by_name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_user_id', 'text', (c) =>
      c.references('staff_users.id').onDelete('set null'),
    )
    .execute();
  await db.schema
    .createIndex('staff_invitations_email')
    .on('staff_invitations')
    .column('email')
    .execute();
}
