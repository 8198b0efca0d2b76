import type { FieldProblem } from '../api/api-client.js';
import { NarrationPanel } from '../narration/narration-panel.js';
import type { PostResource, StaffUser, Visibility } from '../api/resources.js';
import { SelectField, TextArea, TextField } from '../ui/fields.js';
import { AuthorsPicker } from './authors-picker.js';
import { FeatureImageField } from './feature-image-field.js';
import type { EditorData } from './post-editor-page.js';
import type { PostForm } from './post-form.js';
import { PublishPanel, type PostAction } from './publish-panel.js';
import { problemFor } from './publish-check.js';
import { PostNotesPanel } from './post-notes-panel.js';
import { RevisionsPanel } from './revisions-panel.js';
import { SeoPreviews } from './seo-previews.js';
import { TagsPicker } from './tags-picker.js';

/** Everything about the post beside its text: publishing, people, images, address, SEO. */
export function PostSidebar(props: {
  readonly post: PostResource | null;
  readonly user: StaffUser;
  readonly form: PostForm;
  readonly data: EditorData;
  readonly busy: boolean;
  readonly problems: readonly FieldProblem[];
  readonly onChange: (changes: Partial<PostForm>) => void;
  readonly onAction: (action: PostAction) => void;
  readonly onPreview: () => void;
  readonly onRestore: (revision: number) => void;
}) {
  const { post, form, onChange } = props;
  const summary = props.problems.filter((p) => p.field !== 'title').map((p) => p.message);
  return (
    <aside class="editor-sidebar" aria-label="Post settings">
      <PublishPanel
        key={`${post?.id ?? 'new'}-${post?.status ?? 'draft'}`}
        post={post}
        user={props.user}
        timeZone={props.data.timeZone}
        busy={props.busy}
        problems={summary}
        onAction={props.onAction}
      />
      {post !== null && (
        <div class="actions">
          <button type="button" onClick={props.onPreview}>
            Preview
          </button>
          {post.status === 'published' && (
            <a href={`/${encodeURIComponent(post.slug)}`}>View on the site</a>
          )}
        </div>
      )}
      <TagsPicker
        tags={form.tags}
        known={props.data.tags}
        onChange={(tags) => onChange({ tags })}
      />
      <AuthorsPicker
        authors={form.authors}
        staff={props.data.staff}
        error={problemFor(props.problems, 'authors')}
        onChange={(authors) => onChange({ authors })}
      />
      <FeatureImageField
        value={form.featureImage}
        altError={problemFor(props.problems, 'feature_image.alt')}
        onChange={(featureImage) => onChange({ featureImage })}
      />
      <section class="panel" aria-labelledby="address-title">
        <h2 id="address-title">Address and access</h2>
        <TextField
          label="Slug"
          hint="The post's address on the site, after the domain. Changing it keeps the old address working."
          value={form.slug}
          onValue={(slug) => onChange({ slug })}
          error={problemFor(props.problems, 'slug')}
        />
        <SelectField
          label="Visibility"
          value={form.visibility}
          choices={[
            { value: 'public', label: 'Everyone' },
            { value: 'members', label: 'Members' },
            { value: 'paid', label: 'Paying members' },
          ]}
          onValue={(visibility) => onChange({ visibility: visibility as Visibility })}
        />
      </section>
      <section class="panel" aria-labelledby="seo-title">
        <h2 id="seo-title">Search and social</h2>
        <TextField
          label="SEO title"
          hint="Shown by search engines and social cards; the headline when empty."
          maxLength={300}
          value={form.seoTitle}
          onValue={(seoTitle) => onChange({ seoTitle })}
        />
        <TextArea
          label="SEO description"
          maxLength={500}
          rows={3}
          value={form.seoDescription}
          onValue={(seoDescription) => onChange({ seoDescription })}
        />
        <SeoPreviews form={form} url={post?.url ?? null} />
      </section>
      {post !== null && <NarrationPanel post={post} user={props.user} />}
      {post !== null && <PostNotesPanel postId={post.id} version={post.status} />}
      {post !== null && (
        <RevisionsPanel
          postId={post.id}
          revision={post.revision}
          busy={props.busy}
          onRestore={props.onRestore}
        />
      )}
    </aside>
  );
}
