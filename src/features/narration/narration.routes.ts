import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import { toNarrationResource } from './narration-resource.js';
import type { NarrationService } from './narration.service.js';
import type { NarrationLexiconRow } from './narration.table.js';

const PostParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const IdsQuery = Type.Object({
  post_ids: Type.String({
    minLength: 1,
    maxLength: 5000,
    description: 'Post ids, comma-separated',
  }),
});
const EnabledBody = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });
const LexiconBody = Type.Object(
  {
    term: Type.String({ minLength: 1, maxLength: 200 }),
    say: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
const VoiceParams = Type.Object({ tagId: Type.String({ minLength: 1, maxLength: 64 }) });
const VoiceBody = Type.Object(
  {
    voice: Type.Union([
      Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9 ._:-]*$' }),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);

function toLexiconResource(row: NarrationLexiconRow) {
  return { id: row.id, term: row.term, say: row.say, updated_at: row.updated_at };
}

export interface NarrationRoutesDeps {
  readonly narration: NarrationService;
  readonly requireActor: (request: FastifyRequest) => Actor;
  /** The disclosure template and the engine, for the CMS settings screen. */
  readonly disclosure: string;
}

/** Admin API for narrations: status, regenerate, on/off, the lexicon and section voices. */
export function narrationRoutes(deps: NarrationRoutesDeps) {
  const { narration, requireActor } = deps;
  const tags = ['narration'];
  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/narrations',
      { schema: { tags, summary: 'Narration status of several posts', querystring: IdsQuery } },
      async (request) => {
        const ids = request.query.post_ids
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
          .slice(0, 200);
        const views = await narration.statuses(requireActor(request), ids);
        return { narrations: views.map(toNarrationResource) };
      },
    );
    app.get(
      '/posts/:id/narration',
      { schema: { tags, summary: 'Narration status of a post', params: PostParams } },
      async (request) => ({
        narration: toNarrationResource(
          await narration.status(requireActor(request), request.params.id),
        ),
      }),
    );
    app.post(
      '/posts/:id/narration/regenerate',
      { schema: { tags, summary: 'Narrate a post again now', params: PostParams } },
      async (request, reply) =>
        reply.status(202).send({
          narration: toNarrationResource(
            await narration.regenerate(requireActor(request), request.params.id),
          ),
        }),
    );
    app.put(
      '/posts/:id/narration',
      {
        schema: {
          tags,
          summary: 'Turn narration of a post on or off',
          params: PostParams,
          body: EnabledBody,
        },
      },
      async (request) => ({
        narration: toNarrationResource(
          await narration.setEnabled(
            requireActor(request),
            request.params.id,
            request.body.enabled,
          ),
        ),
      }),
    );
    app.get(
      '/narration/settings',
      { schema: { tags, summary: 'Engine, default voice and disclosure' } },
      async (request) => {
        const actor = requireActor(request);
        const [voices, counts] = await Promise.all([
          narration.listSectionVoices(actor),
          narration.counts(),
        ]);
        const engine = narration.engine;
        return {
          // `off`: the newsroom makes no narrations; no engine, voice or disclosure.
          provider: engine?.provider ?? 'off',
          engine_name: engine?.engineName ?? null,
          default_voice: engine?.defaultVoice ?? null,
          disclosure:
            engine === null ? null : deps.disclosure.replaceAll('{engine}', engine.engineName),
          section_voices: voices.map((v) => ({ tag_id: v.tag_id, voice: v.voice })),
          counts,
        };
      },
    );
    app.put(
      '/narration/section-voices/:tagId',
      {
        schema: {
          tags,
          summary: 'Choose the voice of a section (null for the default)',
          params: VoiceParams,
          body: VoiceBody,
        },
      },
      async (request, reply) => {
        await narration.setSectionVoice(
          requireActor(request),
          request.params.tagId,
          request.body.voice,
        );
        return reply.status(204).send();
      },
    );
    app.get(
      '/narration/lexicon',
      { schema: { tags, summary: 'The pronunciation lexicon' } },
      async (request) => ({
        entries: (await narration.listLexicon(requireActor(request))).map(toLexiconResource),
      }),
    );
    app.post(
      '/narration/lexicon',
      {
        schema: {
          tags,
          summary: 'Add a term (or change how an existing one is said)',
          body: LexiconBody,
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          entry: toLexiconResource(
            await narration.putLexiconEntry(requireActor(request), request.body),
          ),
        }),
    );
    app.delete(
      '/narration/lexicon/:id',
      { schema: { tags, summary: 'Remove a term', params: PostParams } },
      async (request, reply) => {
        await narration.deleteLexiconEntry(requireActor(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
