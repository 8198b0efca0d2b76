import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * Full-text search over a post's headline, standfirst and body text (ADR 0003).
 *
 * SQLite: an FTS5 index whose content is read through a view, keyed by
 * `post_search_documents.doc_id` (an INTEGER PRIMARY KEY, so VACUUM never renumbers it),
 * kept in step with `posts` by triggers.
 * PostgreSQL: a stored generated `tsvector` column on `posts` with a GIN index.
 * Both stem English words (Porter stemmer / the `english` configuration).
 */

function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

const docIdOf = (ref: 'old' | 'new') =>
  sql.raw(`(select doc_id from post_search_documents where post_id = ${ref}.id)`);

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  await sql`create table post_search_documents (
    doc_id integer primary key,
    post_id text not null unique
  )`.execute(db);
  await sql`create view post_search_source as
    select d.doc_id as doc_id, p.title as title, p.standfirst as standfirst, p.plain_text as body
    from post_search_documents d join posts p on p.id = d.post_id`.execute(db);
  await sql`create virtual table post_search using fts5(
    title, standfirst, body,
    content = 'post_search_source',
    content_rowid = 'doc_id',
    tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);

  // The index must be told the old text to forget it: external-content FTS5 keeps no copy.
  await sql`create trigger post_search_after_insert after insert on posts begin
    insert into post_search_documents (post_id) values (new.id);
    insert into post_search (rowid, title, standfirst, body)
      values (${docIdOf('new')}, new.title, new.standfirst, new.plain_text);
  end`.execute(db);
  await sql`create trigger post_search_after_update after update of title, standfirst, plain_text on posts
    when old.title is not new.title
      or old.standfirst is not new.standfirst
      or old.plain_text is not new.plain_text
  begin
    insert into post_search (post_search, rowid, title, standfirst, body)
      values ('delete', ${docIdOf('old')}, old.title, old.standfirst, old.plain_text);
    insert into post_search (rowid, title, standfirst, body)
      values (${docIdOf('new')}, new.title, new.standfirst, new.plain_text);
  end`.execute(db);
  await sql`create trigger post_search_before_delete before delete on posts begin
    insert into post_search (post_search, rowid, title, standfirst, body)
      values ('delete', ${docIdOf('old')}, old.title, old.standfirst, old.plain_text);
    delete from post_search_documents where post_id = old.id;
  end`.execute(db);

  await sql`insert into post_search_documents (post_id)
    select id from posts order by created_at, id`.execute(db);
  await sql`insert into post_search (post_search) values ('rebuild')`.execute(db);
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  await sql`alter table posts add column search_vector tsvector generated always as (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', standfirst), 'B') ||
    setweight(to_tsvector('english', plain_text), 'C')
  ) stored`.execute(db);
  await sql`create index posts_search_vector on posts using gin (search_vector)`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await (isSqlite(db) ? upSqlite(db) : upPostgres(db));
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isSqlite(db)) {
    await sql`drop index if exists posts_search_vector`.execute(db);
    await sql`alter table posts drop column if exists search_vector`.execute(db);
    return;
  }
  for (const trigger of [
    'post_search_after_insert',
    'post_search_after_update',
    'post_search_before_delete',
  ]) {
    await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db);
  }
  await sql`drop table if exists post_search`.execute(db);
  await sql`drop view if exists post_search_source`.execute(db);
  await sql`drop table if exists post_search_documents`.execute(db);
}
