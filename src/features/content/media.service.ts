import type { Db } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import { toTimestamp } from '../../platform/clock.js';
import { AppError, invalid, notFound, type FieldProblem } from '../../platform/errors.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { newId } from '../../platform/ids.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import type { Actor } from '../staff/actor.js';
import { ensureCan } from '../staff/permissions.js';
import type { MediaChanged } from './content-events.js';
import './content-events.js';
import { mediaFormats, type Media, type MediaVariant } from './media.js';
import { ensureMayDeleteMedia, type MediaUse } from './media-use.js';
import {
  deleteMediaRow,
  findMediaRow,
  listMediaRowsByIds,
  insertMedia,
  listMediaRows,
  listMediaUses,
  updateMediaText,
  type MediaPosition,
  type MediaTextFields,
} from './media.repository.js';
import type { MediaRow } from './media.table.js';
import { renderImageVariants, type ImageVariantFile } from './media-variants.js';

export interface MediaServiceDeps {
  readonly db: Db;
  readonly storage: FileStorage;
  readonly clock: Clock;
  readonly events: EventOutbox;
}

export interface MediaText {
  alt?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}

export interface MediaUpload extends MediaText {
  /** The uploader's file name; only shown in the library. */
  filename: string;
  data: Buffer;
}

export interface MediaPage {
  readonly items: Media[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

export interface MediaService {
  upload(actor: Actor, upload: MediaUpload): Promise<Media>;
  updateMeta(actor: Actor, id: string, text: MediaText): Promise<Media>;
  getMedia(id: string): Promise<Media>;
  findMedia(id: string): Promise<Media | null>;
  /** Many items at once, for pages that show several images. */
  findMediaMany(ids: readonly string[]): Promise<Media[]>;
  listMedia(options: { limit: number; cursor?: string | null | undefined }): Promise<MediaPage>;
  /**
   * Deletes an unused image; one still shown somewhere is refused with `media_in_use`
   * unless an editor passes `force`.
   */
  deleteMedia(actor: Actor, id: string, options?: { force?: boolean }): Promise<void>;
  /** What shows an image: posts, feed entries, staff photos. */
  listUses(id: string): Promise<MediaUse[]>;
  /** The URL readers fetch a variant from. */
  publicUrl(key: string): string;
}

export const mediaTextLimits = { alt: 1000, caption: 2000, credit: 300 } as const;
export const maxMediaPageSize = 100;

/** Trimmed text fields; a field left out stays out, so a PATCH changes only what it names. */
function toMediaTextFields(text: MediaText): MediaTextFields {
  const problems: FieldProblem[] = [];
  const fields: MediaTextFields = {};
  for (const name of ['alt', 'caption', 'credit'] as const) {
    const value = text[name]?.trim();
    if (value === undefined) continue;
    if (value.length > mediaTextLimits[name]) {
      problems.push({
        field: name,
        message: `must be at most ${mediaTextLimits[name]} characters`,
      });
    }
    fields[name] = value;
  }
  if (problems.length > 0) throw invalid(problems);
  return fields;
}

/** Only the last path segment, without control characters: browsers may send full paths. */
function toOriginalName(filename: string): string {
  const base = filename.split(/[\\/]/).at(-1) ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 200) || 'image';
}

function isMediaVariant(value: unknown): value is MediaVariant {
  const v = value as Partial<MediaVariant> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    mediaFormats.includes(v.format as MediaVariant['format']) &&
    typeof v.width === 'number' &&
    typeof v.height === 'number' &&
    typeof v.key === 'string' &&
    typeof v.bytes === 'number'
  );
}

export function toMedia(row: MediaRow): Media {
  const variants: unknown = JSON.parse(row.variants);
  if (!Array.isArray(variants) || !variants.every(isMediaVariant)) {
    throw new Error(`Media ${row.id} has unreadable variants.`);
  }
  return {
    id: row.id,
    kind: 'image',
    originalName: row.original_name,
    mime: row.mime,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    variants,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function toCursor(media: Media): string {
  return Buffer.from(JSON.stringify([media.createdAt, media.id])).toString('base64url');
}

function fromCursor(cursor: string): MediaPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new AppError(
    'bad_request',
    'That page link is out of date. Start again from the first page.',
  );
}

/** Uploaders look after their own images; editors look after everyone's. */
function ensureCanChange(actor: Actor, media: Media, what: string): void {
  if (media.createdBy === actor.id) ensureCan(actor, 'media.upload', what);
  else ensureCan(actor, 'media.manage', `${what} uploaded by someone else`);
}

function toMediaChanged(
  mediaId: string,
  change: MediaChanged['change'],
  uses: readonly MediaUse[],
): MediaChanged {
  const posts = uses.filter((use) => use.kind === 'post');
  return {
    mediaId,
    change,
    postIds: posts.map((use) => use.id),
    anyPostLive: posts.some((use) => use.status === 'published'),
    authorSlugs: uses.filter((use) => use.kind === 'staff').map((use) => use.slug),
    usedInNewsFeed: uses.some((use) => use.kind === 'feed_entry'),
  };
}

export function createMediaService(deps: MediaServiceDeps): MediaService {
  const { db, storage, clock, events } = deps;

  // Best effort: a file left behind wastes disk but breaks nothing readers see.
  const removeFiles = async (keys: readonly string[]): Promise<void> => {
    await Promise.allSettled(keys.map((key) => storage.delete(key)));
  };

  const storeFiles = async (files: readonly ImageVariantFile[]): Promise<void> => {
    try {
      await Promise.all(
        files.map((file) => storage.put(file.variant.key, file.data, file.contentType)),
      );
    } catch (error) {
      await removeFiles(files.map((file) => file.variant.key));
      throw error;
    }
  };

  const findMedia = async (id: string): Promise<Media | null> => {
    const row = await findMediaRow(db, id);
    return row === undefined ? null : toMedia(row);
  };

  const getMedia = async (id: string): Promise<Media> => {
    const media = await findMedia(id);
    if (media === null) throw notFound('That image');
    return media;
  };

  return {
    findMedia,
    getMedia,

    async findMediaMany(ids) {
      return (await listMediaRowsByIds(db, [...new Set(ids)])).map(toMedia);
    },

    // Files are written before the row, so a row never points at missing files.
    async upload(actor, upload) {
      ensureCan(actor, 'media.upload', 'upload images');
      const text = toMediaTextFields(upload);
      const id = newId();
      const at = clock.now();
      const image = await renderImageVariants(upload.data, { id, at });
      await storeFiles(image.files);
      try {
        const row = await insertMedia(db, {
          id,
          kind: 'image',
          original_name: toOriginalName(upload.filename),
          mime: image.mime,
          width: image.width,
          height: image.height,
          bytes: upload.data.length,
          alt: text.alt ?? '',
          caption: text.caption ?? '',
          credit: text.credit ?? '',
          variants: JSON.stringify(image.files.map((file) => file.variant)),
          created_by: actor.id,
          created_at: toTimestamp(at),
        });
        return toMedia(row);
      } catch (error) {
        await removeFiles(image.files.map((file) => file.variant.key));
        throw error;
      }
    },

    async updateMeta(actor, id, text) {
      const media = await getMedia(id);
      ensureCanChange(actor, media, 'edit images');
      const fields = toMediaTextFields(text);
      if (Object.keys(fields).length === 0) return media;
      const row = await db.transaction().execute(async (trx) => {
        const updated = await updateMediaText(trx, id, fields);
        if (updated === undefined) throw notFound('That image');
        const uses = await listMediaUses(trx, id);
        await events.record(trx, 'media.changed', toMediaChanged(id, 'updated', uses));
        return updated;
      });
      await events.deliver();
      return toMedia(row);
    },

    async listMedia(options) {
      const limit = Math.min(Math.max(Math.trunc(options.limit), 1), maxMediaPageSize);
      const after = options.cursor ? fromCursor(options.cursor) : undefined;
      const rows = await listMediaRows(db, { limit: limit + 1, after });
      const items = rows.slice(0, limit).map(toMedia);
      const last = items.at(-1);
      return {
        items,
        nextCursor: rows.length > limit && last !== undefined ? toCursor(last) : null,
      };
    },

    // The row goes before the files: a crash in between leaves unused files behind, never
    // a library item whose files are missing.
    async deleteMedia(actor, id, options = {}) {
      const media = await getMedia(id);
      const deleted = await db.transaction().execute(async (trx) => {
        const uses = await listMediaUses(trx, id);
        ensureMayDeleteMedia(actor, media, uses, options.force === true);
        if ((await deleteMediaRow(trx, id)) === undefined) return null;
        await events.record(trx, 'media.changed', toMediaChanged(id, 'deleted', uses));
        return uses;
      });
      if (deleted === null) return;
      // Pages showing it are purged before its files go, so none keeps pointing at them.
      await events.deliver();
      await removeFiles(media.variants.map((variant) => variant.key));
    },

    listUses: (id) => listMediaUses(db, id),

    publicUrl: (key) => storage.publicUrl(key),
  };
}
