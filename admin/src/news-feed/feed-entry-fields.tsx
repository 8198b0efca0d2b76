import type { Ref } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { FieldProblem } from '../api/api-client.js';
import type { Tag } from '../api/resources.js';
import { PostSearchDialog } from '../editor/related-picker-dialog.js';
import { problemFor } from '../editor/publish-check.js';
import { TagsPicker } from '../editor/tags-picker.js';
import type { FeedDraft } from './feed-draft.js';

export const markdownHint =
  'Markdown: **bold**, _italic_, [link](https://…), “- ” for a list, “> ” for a quote; a link alone on a line becomes an embed.';

/**
 * The fields of a feed entry, for the composer and for an entry's inline edit. Every
 * control has its label; a problem from the server sits under its field.
 */
export function FeedEntryFields(props: {
  readonly draft: FeedDraft;
  readonly onChange: (changes: Partial<FeedDraft>) => void;
  readonly problems: readonly FieldProblem[];
  readonly tags: readonly Tag[];
  readonly headlineRef?: Ref<HTMLInputElement>;
}) {
  const { draft, onChange, problems } = props;
  const id = useId();
  const [linking, setLinking] = useState(false);
  const titleError = problemFor(problems, 'title');
  const bodyError = problemFor(problems, 'markdown') ?? problemFor(problems, 'body');
  const postError = problemFor(problems, 'post_id');
  const sectionsError = problemFor(problems, 'sections');
  const describe = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <>
      <div class={titleError ? 'field has-error' : 'field'}>
        <label for={`${id}-title`}>Headline</label>
        <input
          id={`${id}-title`}
          ref={props.headlineRef}
          value={draft.title}
          maxLength={200}
          required
          aria-invalid={titleError ? true : undefined}
          aria-describedby={describe(titleError !== null && `${id}-title-error`)}
          onInput={(event) => onChange({ title: event.currentTarget.value })}
          onKeyDown={(event) => {
            // Enter moves on to the body rather than posting a headline alone.
            if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
            event.preventDefault();
            document.getElementById(`${id}-body`)?.focus();
          }}
        />
        {titleError && (
          <p class="field-error" id={`${id}-title-error`}>
            {titleError}
          </p>
        )}
      </div>
      {draft.markdown === null ? (
        <p class="field-hint">
          This entry’s body has blocks the composer cannot write, so it stays as it is; the other
          fields can be changed.
        </p>
      ) : (
        <div class={bodyError ? 'field has-error' : 'field'}>
          <label for={`${id}-body`}>Body</label>
          <p class="field-hint" id={`${id}-body-hint`}>
            {markdownHint}
          </p>
          <textarea
            id={`${id}-body`}
            rows={4}
            value={draft.markdown}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={describe(`${id}-body-hint`, bodyError !== null && `${id}-body-error`)}
            onInput={(event) => onChange({ markdown: event.currentTarget.value })}
          />
          {bodyError && (
            <p class="field-error" id={`${id}-body-error`}>
              {bodyError}
            </p>
          )}
        </div>
      )}
      <div class="checks">
        <label>
          <input
            type="checkbox"
            checked={draft.keyEvent}
            onChange={(event) => onChange({ keyEvent: event.currentTarget.checked })}
          />{' '}
          Key event
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.pinned}
            onChange={(event) => onChange({ pinned: event.currentTarget.checked })}
          />{' '}
          Pinned
        </label>
      </div>
      <div class={postError ? 'field has-error' : 'field'}>
        <p class="field-label" id={`${id}-post`}>
          Linked article
        </p>
        <div class="inline-form" role="group" aria-labelledby={`${id}-post`}>
          <span>{draft.post === null ? 'None' : draft.post.title}</span>
          <button type="button" class="button-small" onClick={() => setLinking(true)}>
            {draft.post === null ? 'Link an article' : 'Change the article'}
          </button>
          {draft.post !== null && (
            <button type="button" class="button-small" onClick={() => onChange({ post: null })}>
              Remove the link
            </button>
          )}
        </div>
        {postError && <p class="field-error">{postError}</p>}
      </div>
      <TagsPicker
        tags={draft.sections}
        known={props.tags}
        onChange={(sections) => onChange({ sections })}
      />
      {sectionsError && <p class="field-error">{sectionsError}</p>}
      {linking && (
        <PostSearchDialog
          title="Link an article"
          onClose={() => setLinking(false)}
          onPick={(post) => {
            setLinking(false);
            onChange({ post: { id: post.id, title: post.title } });
          }}
        />
      )}
    </>
  );
}
