import { Type } from 'typebox';
import type { Post } from '../../features/content/post.js';
import { readerEntitlement } from '../../features/members/member-auth.plugin.js';
import { audioFileName } from '../../features/narration/narration-audio.js';
import { toReaderAudio } from '../../features/narration/narration.service.js';
import type { NarrationRow } from '../../features/narration/narration.table.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { decideByteRange } from '../../platform/storage/byte-range.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';

export interface AudioRoutesDeps {
  readonly storage: FileStorage;
  readonly findPostsByIds: (ids: readonly string[]) => Promise<Post[]>;
  readonly findNarrations: (postIds: readonly string[]) => Promise<NarrationRow[]>;
}

const Params = Type.Object({
  postId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
  file: Type.String({ pattern: '^[a-f0-9]{24}\\.mp3$' }),
});
const Query = Type.Object({ download: Type.Optional(Type.Literal('1')) });

/** A content-hashed file never changes: a year, immutable; private when it is gated. */
const publicCache = 'public, max-age=31536000, immutable';
const privateCache = 'private, max-age=31536000, immutable';

/**
 * `/audio/{postId}/{hash}.mp3`: a narration, as much as `decideReaderAccess` lets this
 * reader hear (a gated article's whole audio only with access; its preview otherwise),
 * with single byte ranges so players can seek, and `?download=1` to save it.
 */
export function audioRoutes(deps: AudioRoutesDeps) {
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/audio/:postId/:file',
      {
        schema: { hide: true, params: Params, querystring: Query },
        config: { rateLimit: { max: 1200, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const { postId, file } = request.params;
        const [[post], [row]] = await Promise.all([
          deps.findPostsByIds([postId]),
          deps.findNarrations([postId]),
        ]);
        if (post === undefined || row === undefined) throw notFound('That audio');
        const entitlement = readerEntitlement(request);
        const audio = toReaderAudio(row, post, entitlement);
        if (audio?.fileName !== file) {
          const isWhole = row.audio_key !== null && audioFileName(row.audio_key) === file;
          if (isWhole && post.status === 'published' && post.visibility !== 'public') {
            throw new AppError(
              'forbidden',
              post.visibility === 'paid'
                ? 'The whole audio of this article is for paying members; sign in to listen.'
                : 'The whole audio of this article is for members; sign in to listen.',
            );
          }
          throw notFound('That audio');
        }
        const info = await deps.storage.stat(audio.key);
        if (info === null) throw notFound('That audio');
        const gated = post.visibility !== 'public' && audio.variant === 'whole';
        reply
          .header('cache-control', gated ? privateCache : publicCache)
          .header('accept-ranges', 'bytes')
          .header('etag', `"${file.slice(0, -4)}"`)
          .header('x-robots-tag', 'noindex')
          .type('audio/mpeg');
        if (request.query.download === '1') {
          reply.header(
            'content-disposition',
            `attachment; filename="${post.slug.replace(/[^A-Za-z0-9._-]/g, '-')}.mp3"`,
          );
        }
        if (request.headers['if-none-match'] === `"${file.slice(0, -4)}"`) {
          return reply.status(304).send();
        }
        const decision = decideByteRange(request.headers.range, info.bytes);
        if (decision.kind === 'unsatisfiable') {
          return reply
            .status(416)
            .header('content-range', `bytes */${info.bytes}`)
            .type('text/plain; charset=utf-8')
            .send('That part of the audio does not exist.');
        }
        const range = decision.kind === 'part' ? decision.range : undefined;
        const body = await deps.storage.open(audio.key, range);
        if (body === null) throw notFound('That audio');
        if (range !== undefined) {
          reply
            .status(206)
            .header('content-range', `bytes ${range.start}-${range.end}/${info.bytes}`)
            .header('content-length', range.end - range.start + 1);
        } else {
          reply.header('content-length', info.bytes);
        }
        return reply.send(body);
      },
    );
  };
}
