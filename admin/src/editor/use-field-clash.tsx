import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { toMessage } from '../api/api-client.js';
import type { PostResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { Notice } from '../ui/fields.js';
import type { SaveStatus } from './autosave.js';
import { FieldConflictDialog } from './field-conflict-dialog.js';
import {
  isClashField,
  resolveClash,
  sideOfPayload,
  type ClashField,
  type Side,
} from './field-merge.js';
import { editedVersion, toPostForm, type SavePayload } from './post-form.js';

interface Open {
  readonly theirs: PostResource;
  readonly theirSide: Side;
  readonly base: Side;
  readonly mine: Side;
  readonly fields: readonly ClashField[];
  readonly who: string;
}

export interface ClashNoticeProps {
  readonly message: string;
  readonly error: string | null;
  readonly onCompare: () => void;
}

export function ClashNotice(props: ClashNoticeProps) {
  return (
    <Notice kind="warning">
      <p>
        <strong>{props.message}</strong> Nothing is saved over their work until you choose; your
        text stays here and in this browser.
      </p>
      {props.error !== null && <p>{props.error}</p>}
      <div class="actions">
        <button type="button" class="button-primary" onClick={props.onCompare}>
          Compare the changed fields
        </button>
      </div>
    </Notice>
  );
}

/**
 * The field-by-field conflict flow: when a save clashes on some fields, a notice offers the
 * comparison; the person's choices become the next save, based on the other version.
 */
export function useFieldClash(deps: {
  readonly status: SaveStatus;
  readonly postId: string | null;
  readonly mine: Side | null;
  readonly base: SavePayload | null;
  readonly onResolved: (resolved: Side, theirs: PostResource) => void;
}): { notice: ClashNoticeProps | null; dialog: JSX.Element | null } {
  const { api } = useApp();
  const [open, setOpen] = useState<Open | null>(null);
  const [error, setError] = useState<string | null>(null);
  const problems = deps.status.kind === 'conflict' ? deps.status.error.fields : [];
  const fields = problems.map((p) => p.field).filter(isClashField);
  const who = problems[0]?.message.replace(/^changed by you and by /, '') ?? 'Someone else';

  const compare = async () => {
    const { mine, base, postId } = deps;
    if (mine === null || base === null || postId === null) return;
    try {
      const { post } = await api.get<{ post: PostResource }>(
        `/posts/${encodeURIComponent(postId)}`,
      );
      setError(null);
      setOpen({
        theirs: post,
        theirSide: { form: toPostForm(post), body: editedVersion(post).body },
        base: sideOfPayload(base, mine.form),
        mine,
        fields,
        who,
      });
    } catch (failure) {
      setError(toMessage(failure));
    }
  };

  const notice =
    deps.status.kind === 'conflict' && fields.length > 0
      ? { message: deps.status.error.message, error, onCompare: () => void compare() }
      : null;
  const dialog =
    open === null ? null : (
      <FieldConflictDialog
        fields={open.fields}
        who={open.who}
        mine={open.mine}
        theirs={open.theirSide}
        onClose={() => setOpen(null)}
        onResolve={(choices) => {
          const resolved = resolveClash(open.base, open.mine, open.theirSide, choices);
          setOpen(null);
          deps.onResolved(resolved, open.theirs);
        }}
      />
    );
  return { notice, dialog };
}
