import type { Trx } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import type { BodyDocument } from './body/body.types.js';
import { editConflict } from './post-change.js';
import type { PostInput } from './post-input.js';
import { apiFieldName, decideMerge, type MergeField } from './post-merge.js';
import { findSnapshot, mergeFieldsOfInput, mergeVersionOf } from './post-snapshot.js';
import type { Post } from './post.js';

interface Prepared {
  readonly body: BodyDocument | undefined;
  readonly authorIds: string[] | undefined;
}

/** A save ready to write at the stored revision, and the fields it left as someone else saved them. */
export interface MergedSave<P extends Prepared> {
  readonly input: PostInput;
  readonly prepared: P;
  /** API names of the fields another person changed that this save leaves as stored. */
  readonly fromTheirs: readonly string[];
}

const inputKeys: Readonly<Record<MergeField, readonly (keyof PostInput)[]>> = {
  title: ['title'],
  standfirst: ['standfirst'],
  slug: ['slug'],
  body: ['body', 'markdown', 'html'],
  visibility: ['visibility'],
  featureImage: ['featureImage'],
  seoTitle: ['seoTitle'],
  seoDescription: ['seoDescription'],
  tags: ['tags'],
  authors: ['authors'],
};

const spoken: Readonly<Record<MergeField, string>> = {
  title: 'the headline',
  standfirst: 'the standfirst',
  slug: 'the URL slug',
  body: 'the body',
  visibility: 'who can read it',
  featureImage: 'the feature image',
  seoTitle: 'the search title',
  seoDescription: 'the search description',
  tags: 'the tags',
  authors: 'the byline',
};

function listOf(words: readonly string[]): string {
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/**
 * A save that names an older revision than the stored one is merged with what was saved
 * meanwhile (see post-merge.ts). Without a snapshot of its revision, or when both changed
 * the same field, it is refused with `edit_conflict`; a clash lists the fields.
 */
export async function mergeStaleSave<P extends Prepared>(
  trx: Trx,
  before: Post,
  input: PostInput,
  prepared: P,
): Promise<MergedSave<P>> {
  const expected = input.revision;
  if (expected === undefined || expected === before.revision) {
    return { input, prepared, fromTheirs: [] };
  }
  const [base, current] = await Promise.all([
    findSnapshot(trx, before.id, expected),
    findSnapshot(trx, before.id, before.revision),
  ]);
  if (base === undefined || expected > before.revision) {
    throw editConflict(before.revision, expected);
  }
  const knownTags = [...before.tags, ...(before.pendingChanges?.version.tags ?? [])];
  const mine = mergeFieldsOfInput(input, prepared, knownTags);
  const decision = decideMerge(base.version, mergeVersionOf(before), mine);
  const who = current?.savedByName || 'Someone else';
  if (decision.kind === 'clash') {
    throw new AppError(
      'edit_conflict',
      `${who} changed ${listOf(decision.fields.map((f) => spoken[f]))} while you were editing. ` +
        'Compare the two versions of each and choose which to keep; your other changes are kept.',
      decision.fields.map((f) => ({
        field: apiFieldName[f],
        message: `changed by you and by ${who}`,
      })),
    );
  }
  const unchanged = new Set<MergeField>(
    (Object.keys(inputKeys) as MergeField[]).filter((f) => !decision.mine.includes(f)),
  );
  const dropped = new Set<string>([...unchanged].flatMap((f) => inputKeys[f]));
  const merged = Object.fromEntries(
    Object.entries({ ...input, revision: before.revision }).filter(([key]) => !dropped.has(key)),
  ) as PostInput;
  return {
    input: merged,
    prepared: {
      ...prepared,
      body: unchanged.has('body') ? undefined : prepared.body,
      authorIds: unchanged.has('authors') ? undefined : prepared.authorIds,
    },
    fromTheirs: decision.theirs.map((f) => apiFieldName[f]),
  };
}
