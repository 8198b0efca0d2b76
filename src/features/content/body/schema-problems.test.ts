import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { describe, expect, test } from 'vitest';
import { toFieldPath, toFieldProblems } from './schema-problems.js';

describe('toFieldPath', () => {
  test('writes array positions in brackets and properties after dots', () => {
    expect(toFieldPath('body', '/blocks/3/content/0/marks/0/href')).toBe(
      'body.blocks[3].content[0].marks[0].href',
    );
    expect(toFieldPath('body', '')).toBe('body');
  });
});

describe('toFieldProblems', () => {
  const validator = Compile(
    Type.Object(
      {
        title: Type.String({ minLength: 1, maxLength: 5 }),
        mediaId: Type.Union([Type.String(), Type.Null()]),
        tags: Type.Array(Type.String(), { maxItems: 1 }),
      },
      { additionalProperties: false },
    ),
  );
  const problemsOf = (value: unknown) => toFieldProblems(validator.Errors(value), 'post');

  test('names each missing and each unexpected field once', () => {
    const problems = problemsOf({ extra: 1 });
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'post.extra', message: 'is not allowed here' },
        { field: 'post.title', message: 'is required' },
        { field: 'post.mediaId', message: 'is required' },
        { field: 'post.tags', message: 'is required' },
      ]),
    );
  });

  test('says how long text may be and that it must not be empty', () => {
    expect(problemsOf({ title: '', mediaId: null, tags: [] })).toEqual([
      { field: 'post.title', message: 'must not be empty' },
    ]);
    expect(problemsOf({ title: 'abcdefg', mediaId: null, tags: [] })).toEqual([
      { field: 'post.title', message: 'is too long: it can have at most 5 characters' },
    ]);
  });

  test('reports a wrong value in a union once, not once per alternative', () => {
    expect(problemsOf({ title: 'a', mediaId: 7, tags: ['a', 'b'] })).toEqual([
      {
        field: 'post.mediaId',
        message: 'must be a media library id, or null for an image from elsewhere',
      },
      { field: 'post.tags', message: 'has too many items: at most 1 are allowed' },
    ]);
  });
});
