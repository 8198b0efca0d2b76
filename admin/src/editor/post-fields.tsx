import type { FieldProblem } from '../api/api-client.js';
import { TextArea } from '../ui/fields.js';
import { HeadlineField } from './headline-field.js';
import type { PostForm } from './post-form.js';
import { problemFor } from './publish-check.js';

/** Headline and standfirst, above the body. */
export function PostFields(props: {
  readonly form: PostForm;
  readonly problems: readonly FieldProblem[];
  readonly onChange: (changes: Partial<PostForm>) => void;
  /** A new post: the headline takes focus. */
  readonly isNew?: boolean;
}) {
  return (
    <div class="post-fields">
      <HeadlineField
        value={props.form.title}
        autoFocus={props.isNew === true}
        onValue={(title) => props.onChange({ title })}
        error={problemFor(props.problems, 'title')}
      />
      <TextArea
        label="Standfirst"
        hint="One or two sentences under the headline."
        maxLength={1000}
        rows={2}
        value={props.form.standfirst}
        onValue={(standfirst) => props.onChange({ standfirst })}
      />
    </div>
  );
}
