import { describe, expect, it } from 'vitest';
import { decideByteRange } from './byte-range.js';

describe('deciding which bytes of a file to send', () => {
  it.each([
    [undefined, { kind: 'whole' }],
    ['bytes=0-99', { kind: 'part', range: { start: 0, end: 99 } }],
    ['bytes=900-', { kind: 'part', range: { start: 900, end: 999 } }],
    ['bytes=-100', { kind: 'part', range: { start: 900, end: 999 } }],
    ['bytes=990-5000', { kind: 'part', range: { start: 990, end: 999 } }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=0-1,5-9', { kind: 'whole' }],
    ['items=0-1', { kind: 'whole' }],
    ['bytes=9-1', { kind: 'whole' }],
  ] as const)('answers %j on a 1000-byte file with %j', (header, expected) => {
    expect(decideByteRange(header, 1000)).toEqual(expected);
  });
});
