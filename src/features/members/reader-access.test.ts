import { describe, expect, it } from 'vitest';
import type { Block, BodyDocument } from '../content/body/body.types.js';
import { decideReaderAccess } from './reader-access.js';

const p = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const body = (...blocks: Block[]): BodyDocument => ({ version: 1, blocks });
const texts = (doc: BodyDocument) =>
  doc.blocks.map((b) =>
    b.type === 'paragraph' ? (b.content[0] as { text: string }).text : b.type,
  );

describe('the reader-access rule', () => {
  const marked = body(p('one'), p('two'), { type: 'paywall' }, p('locked'));

  it('gives everyone the whole of a public post, without the marker', () => {
    const access = decideReaderAccess({ visibility: 'public', body: marked }, 'anonymous');
    expect(access.level).toBe('whole');
    expect(texts(access.body)).toEqual(['one', 'two', 'locked']);
  });

  it('gives an anonymous reader of a members post the part before the marker', () => {
    const access = decideReaderAccess({ visibility: 'members', body: marked }, 'anonymous');
    expect(access.level).toBe('preview');
    expect(texts(access.body)).toEqual(['one', 'two']);
  });

  it('gives a free member the whole of a members post but a preview of a paid one', () => {
    expect(decideReaderAccess({ visibility: 'members', body: marked }, 'member').level).toBe(
      'whole',
    );
    expect(decideReaderAccess({ visibility: 'paid', body: marked }, 'member').level).toBe(
      'preview',
    );
  });

  it('gives paying members and staff the whole of a paid post', () => {
    for (const who of ['paying', 'staff'] as const) {
      expect(decideReaderAccess({ visibility: 'paid', body: marked }, who).level).toBe('whole');
    }
  });

  it('shows the first two paragraphs when there is no marker, never the whole body', () => {
    const long = body(p('a'), { type: 'divider' }, p('b'), p('c'), p('d'));
    expect(texts(decideReaderAccess({ visibility: 'paid', body: long }, 'anonymous').body)).toEqual(
      ['a', 'divider', 'b'],
    );
    const short = body(p('a'), p('b'));
    expect(
      texts(decideReaderAccess({ visibility: 'paid', body: short }, 'anonymous').body),
    ).toEqual(['a']);
  });

  it('gives nothing when the marker comes first or the body has a single block', () => {
    const first = body({ type: 'paywall' }, p('locked'));
    expect(decideReaderAccess({ visibility: 'members', body: first }, 'anonymous').level).toBe(
      'nothing',
    );
    expect(decideReaderAccess({ visibility: 'members', body: body(p('x')) }, 'anonymous')).toEqual({
      level: 'nothing',
      body: { version: 1, blocks: [] },
      visibility: 'members',
    });
  });
});
