import { useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type { NarrationResource, PostResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { Notice } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';
import { NarrationStatus } from './narration-status.js';

interface LexiconEntry {
  readonly id: string;
  readonly term: string;
  readonly say: string;
}
interface NarrationSettings {
  /** All three null when the newsroom makes no narrations (`off`). */
  readonly engine_name: string | null;
  readonly default_voice: string | null;
  readonly disclosure: string | null;
  readonly section_voices: readonly { tag_id: string; voice: string }[];
  readonly counts: Record<string, number>;
}
interface Tag {
  readonly id: string;
  readonly name: string;
}
type Message = { kind: 'success' | 'error'; text: string };

function Articles(props: { readonly onMessage: (m: Message) => void }) {
  const { api } = useApp();
  const [round, setRound] = useState(0);
  const [data] = useResource(async () => {
    const { posts } = await api.get<{ posts: PostResource[] }>('/posts?status=published&limit=50');
    const ids = posts.map((p) => p.id).join(',');
    const { narrations } =
      ids === ''
        ? { narrations: [] }
        : await api.get<{ narrations: NarrationResource[] }>(`/narrations?post_ids=${ids}`);
    return { posts, narrations: new Map(narrations.map((n) => [n.post_id, n])) };
  }, `articles-${round}`);
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      props.onMessage({ kind: 'success', text: done });
    } catch (caught) {
      props.onMessage({ kind: 'error', text: toMessage(caught) });
    }
    setRound((n) => n + 1);
  };
  return (
    <Loaded resource={data} what="narrations">
      {({ posts, narrations }) => (
        <table class="table">
          <caption>Published articles and their narration</caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Narration</th>
              <th scope="col">Listen</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {posts.map((post) => {
              const n = narrations.get(post.id);
              const audio = n?.audio ?? null;
              return (
                <tr key={post.id}>
                  <td>{post.title}</td>
                  <td>
                    <NarrationStatus narration={n} postStatus={post.status} title={post.title} />
                  </td>
                  <td>
                    {audio === null ? (
                      '—'
                    ) : (
                      <audio
                        controls
                        preload="none"
                        src={audio.url}
                        aria-label={`Listen: ${post.title}`}
                      />
                    )}
                  </td>
                  <td class="actions">
                    <button
                      type="button"
                      disabled={n?.enabled === false}
                      onClick={() =>
                        void act(
                          () => api.send('POST', `/posts/${post.id}/narration/regenerate`),
                          `“${post.title}” will be narrated again.`,
                        )
                      }
                    >
                      Regenerate
                    </button>
                    <button
                      type="button"
                      onClick={() =>
                        void act(
                          () =>
                            api.send('PUT', `/posts/${post.id}/narration`, {
                              enabled: n?.enabled === false,
                            }),
                          n?.enabled === false ? 'Narration is on.' : 'Narration is off.',
                        )
                      }
                    >
                      {n?.enabled === false ? 'Turn narration on' : 'Turn narration off'}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Loaded>
  );
}

function Lexicon(props: { readonly onMessage: (m: Message) => void }) {
  const { api } = useApp();
  const [round, setRound] = useState(0);
  const [entries] = useResource(
    () => api.get<{ entries: LexiconEntry[] }>('/narration/lexicon'),
    `lexicon-${round}`,
  );
  const [term, setTerm] = useState('');
  const [say, setSay] = useState('');
  const add = async (event: Event) => {
    event.preventDefault();
    try {
      await api.send('POST', '/narration/lexicon', { term, say });
      props.onMessage({
        kind: 'success',
        text: `“${term}” is said “${say}” from the next narration on.`,
      });
      setTerm('');
      setSay('');
    } catch (caught) {
      props.onMessage({ kind: 'error', text: toMessage(caught) });
    }
    setRound((n) => n + 1);
  };
  const remove = async (entry: LexiconEntry) => {
    try {
      await api.send('DELETE', `/narration/lexicon/${entry.id}`);
    } catch (caught) {
      props.onMessage({ kind: 'error', text: toMessage(caught) });
    }
    setRound((n) => n + 1);
  };
  return (
    <section class="stack">
      <h2>Pronunciation lexicon</h2>
      <p class="field-hint">
        A term (a place, a person, an acronym) and how the voice should say it. Whole words, any
        letter case; applies from each article’s next narration.
      </p>
      <form class="panel stack" onSubmit={(event) => void add(event)}>
        <div class="field">
          <label for="lexicon-term">Term</label>
          <input
            id="lexicon-term"
            value={term}
            maxLength={200}
            required
            onInput={(e) => setTerm(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="lexicon-say">Say it as</label>
          <input
            id="lexicon-say"
            value={say}
            maxLength={500}
            required
            onInput={(e) => setSay(e.currentTarget.value)}
          />
        </div>
        <div class="actions">
          <button type="submit">Add to the lexicon</button>
        </div>
      </form>
      <Loaded resource={entries} what="the lexicon">
        {({ entries: list }) =>
          list.length === 0 ? (
            <p class="empty">No terms yet.</p>
          ) : (
            <table class="table">
              <caption class="visually-hidden">Lexicon terms</caption>
              <thead>
                <tr>
                  <th scope="col">Term</th>
                  <th scope="col">Said as</th>
                  <th scope="col">Remove</th>
                </tr>
              </thead>
              <tbody>
                {list.map((entry) => (
                  <tr key={entry.id}>
                    <td>{entry.term}</td>
                    <td>{entry.say}</td>
                    <td>
                      <button
                        type="button"
                        onClick={() => void remove(entry)}
                        aria-label={`Remove ${entry.term}`}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}

function SectionVoices(props: {
  readonly settings: NarrationSettings;
  readonly onMessage: (m: Message) => void;
}) {
  const { api } = useApp();
  const [tags] = useResource(() => api.get<{ tags: Tag[] }>('/tags'), 'tags');
  const voices = new Map(props.settings.section_voices.map((v) => [v.tag_id, v.voice]));
  const save = async (tag: Tag, voice: string) => {
    try {
      await api.send('PUT', `/narration/section-voices/${tag.id}`, {
        voice: voice.trim() === '' ? null : voice.trim(),
      });
      props.onMessage({
        kind: 'success',
        text: `${tag.name}: ${voice.trim() || 'the default voice'}.`,
      });
    } catch (caught) {
      props.onMessage({ kind: 'error', text: toMessage(caught) });
    }
  };
  return (
    <section class="stack">
      <h2>Voices by section</h2>
      <p class="field-hint">
        Empty means the default voice ({props.settings.default_voice ?? 'none while off'}).
      </p>
      <Loaded resource={tags} what="sections">
        {({ tags: list }) => (
          <div class="stack">
            {list.map((tag) => (
              <div class="field" key={tag.id}>
                <label for={`voice-${tag.id}`}>{tag.name}</label>
                <input
                  id={`voice-${tag.id}`}
                  defaultValue={voices.get(tag.id) ?? ''}
                  maxLength={200}
                  onChange={(e) => void save(tag, e.currentTarget.value)}
                />
              </div>
            ))}
          </div>
        )}
      </Loaded>
    </section>
  );
}

/** Narration: each article's audio, the lexicon, voices by section, and the disclosure. */
export function NarrationPage() {
  const { api } = useApp();
  const [message, setMessage] = useState<Message | null>(null);
  const [settings] = useResource(
    () => api.get<NarrationSettings>('/narration/settings'),
    'narration-settings',
  );
  return (
    <div class="stack">
      <h1>Narration</h1>
      {message !== null && <Notice kind={message.kind}>{message.text}</Notice>}
      <Loaded resource={settings} what="narration settings">
        {(value) => (
          <div class="stack">
            {value.engine_name === null ? (
              <Notice kind="info">
                Narration is off for this newsroom: no new audio is made, and audio made before is
                still played. Set MASTHEAD_TTS_PROVIDER to an engine to turn it on.
              </Notice>
            ) : (
              <p>
                Engine: <strong>{value.engine_name}</strong>, default voice {value.default_voice}.
                Readers see: “{value.disclosure}”
              </p>
            )}
            <Articles onMessage={setMessage} />
            <Lexicon onMessage={setMessage} />
            <SectionVoices settings={value} onMessage={setMessage} />
          </div>
        )}
      </Loaded>
    </div>
  );
}
