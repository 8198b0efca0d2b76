import type { FieldProblem } from '../api/api-client.js';
import { TextArea, TextField } from '../ui/fields.js';
import type { PostForm } from './post-form.js';
import { problemFor } from './publish-check.js';

/** Headline and standfirst, above the body. */
export function PostFields(props: {
  readonly form: PostForm;
  readonly problems: readonly FieldProblem[];
  readonly onChange: (changes: Partial<PostForm>) => void;
}) {
  return (
    <div class="post-fields">
      <TextField
        label="Headline"
        class="headline-input"
        maxLength={300}
        value={props.form.title}
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
