import multipart from '@fastify/multipart';
import type {} from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError } from '../../platform/errors.js';
import { containsNul, nulCharacterRefused } from '../../platform/http/nul-guard.js';
import type { Actor } from '../staff/actor.js';
import type { Media } from './media.js';
import { toImageRendition } from './media-rendition.js';
import type { MediaService, MediaText, MediaUpload } from './media.service.js';
import { maxMediaPageSize, mediaTextLimits } from './media.service.js';
import { maxUploadBytes } from './media-variants.js';

export interface MediaRoutesDeps {
  readonly media: MediaService;
  /** Resolves the signed-in staff user or API token; throws `unauthenticated` otherwise. */
  readonly requireActor: (request: FastifyRequest) => Actor;
}

const MediaVariantView = Type.Object({
  format: Type.Union([Type.Literal('avif'), Type.Literal('webp'), Type.Literal('jpeg')]),
  width: Type.Integer(),
  height: Type.Integer(),
  key: Type.String(),
  url: Type.String(),
  bytes: Type.Integer(),
});

const ImageRenditionView = Type.Object({
  src: Type.String(),
  srcset: Type.String(),
  sizes: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  sources: Type.Array(Type.Object({ type: Type.String(), srcset: Type.String() })),
});

const MediaView = Type.Object({
  id: Type.String(),
  kind: Type.Literal('image'),
  original_name: Type.String(),
  mime: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  bytes: Type.Integer(),
  alt: Type.String(),
  caption: Type.String(),
  credit: Type.String(),
  created_by: Type.String(),
  created_at: Type.String({ description: 'ISO 8601 UTC' }),
  variants: Type.Array(MediaVariantView),
  rendition: ImageRenditionView,
});
type MediaView = Static<typeof MediaView>;

const ErrorView = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
  }),
});

const MediaParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const MediaListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: maxMediaPageSize, default: 30 }),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});

const MediaTextBody = Type.Object(
  {
    alt: Type.Optional(Type.String({ maxLength: mediaTextLimits.alt })),
    caption: Type.Optional(Type.String({ maxLength: mediaTextLimits.caption })),
    credit: Type.Optional(Type.String({ maxLength: mediaTextLimits.credit })),
  },
  { additionalProperties: false },
);

function toMediaView(media: Media, fileUrl: (key: string) => string): MediaView {
  const rendition = toImageRendition(media, undefined, fileUrl);
  return {
    id: media.id,
    kind: media.kind,
    original_name: media.originalName,
    mime: media.mime,
    width: media.width,
    height: media.height,
    bytes: media.bytes,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
    created_by: media.createdBy,
    created_at: media.createdAt,
    variants: media.variants.map((variant) => ({ ...variant, url: fileUrl(variant.key) })),
    rendition: { ...rendition, sources: rendition.sources ?? [] },
  };
}

const textFields = ['alt', 'caption', 'credit'] as const;

/** Reads the one image and its text fields from a multipart form, within the upload limits. */
async function readUpload(request: FastifyRequest): Promise<MediaUpload> {
  if (!request.isMultipart()) {
    throw new AppError(
      'unsupported_media_type',
      'Send the image as multipart/form-data, in a field named "file".',
    );
  }
  let file: { filename: string; data: Buffer } | undefined;
  const text: MediaText = {};
  const parts = request.parts({
    limits: { fileSize: maxUploadBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
  });
  for await (const part of parts) {
    if (part.type === 'file') {
      // Reading the stream to its end is required even for a part we ignore.
      const data = await part.toBuffer();
      if (part.fieldname === 'file') file = { filename: part.filename, data };
    } else if ((textFields as readonly string[]).includes(part.fieldname)) {
      text[part.fieldname as (typeof textFields)[number]] = String(part.value);
    }
  }
  // Multipart bodies are read here, after the edge's NUL check on parsed bodies.
  if (containsNul([text, file?.filename])) throw nulCharacterRefused('form');
  if (file === undefined) {
    throw new AppError('bad_request', 'Choose an image to upload, in a field named "file".', [
      { field: 'file', message: 'is required' },
    ]);
  }
  return { ...text, ...file };
}

/** The media library in the Admin API; register with `{ prefix: '/api/admin' }`. */
export function mediaRoutes(deps: MediaRoutesDeps): FastifyPluginAsyncTypebox {
  const fileUrl = (key: string): string => deps.media.publicUrl(key);
  const view = (media: Media): MediaView => toMediaView(media, fileUrl);

  return async (app) => {
    // Registered here, so multipart bodies are accepted by these routes only.
    await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1 } });

    app.post(
      '/media',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['media'],
          summary: 'Upload an image',
          description:
            'multipart/form-data with the image in `file` (JPEG, PNG, WebP, AVIF, GIF or TIFF; up to 25 MB and 40 megapixels) and optional `alt`, `caption` and `credit`. Metadata such as EXIF and GPS is removed.',
          consumes: ['multipart/form-data'],
          response: { 201: MediaView, '4xx': ErrorView },
        },
      },
      async (request, reply) => {
        const actor = deps.requireActor(request);
        const media = await deps.media.upload(actor, await readUpload(request));
        return reply.status(201).send(view(media));
      },
    );

    app.get(
      '/media',
      {
        schema: {
          tags: ['media'],
          summary: 'List images, newest first',
          querystring: MediaListQuery,
          response: {
            200: Type.Object({
              media: Type.Array(MediaView),
              next_cursor: Type.Union([Type.String(), Type.Null()]),
            }),
            '4xx': ErrorView,
          },
        },
      },
      async (request) => {
        deps.requireActor(request);
        const page = await deps.media.listMedia(request.query);
        return { media: page.items.map(view), next_cursor: page.nextCursor };
      },
    );

    app.get(
      '/media/:id',
      {
        schema: {
          tags: ['media'],
          summary: 'Get one image',
          params: MediaParams,
          response: { 200: MediaView, '4xx': ErrorView },
        },
      },
      async (request) => {
        deps.requireActor(request);
        return view(await deps.media.getMedia(request.params.id));
      },
    );

    app.patch(
      '/media/:id',
      {
        schema: {
          tags: ['media'],
          summary: "Change an image's alt text, caption or credit",
          params: MediaParams,
          body: MediaTextBody,
          response: { 200: MediaView, '4xx': ErrorView },
        },
      },
      async (request) => {
        const actor = deps.requireActor(request);
        return view(await deps.media.updateMeta(actor, request.params.id, request.body));
      },
    );

    app.delete(
      '/media/:id',
      {
        schema: {
          tags: ['media'],
          summary: 'Delete an image and its files',
          params: MediaParams,
          response: { 204: Type.Null(), '4xx': ErrorView },
        },
      },
      async (request, reply) => {
        const actor = deps.requireActor(request);
        await deps.media.deleteMedia(actor, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
