import { describe, expect, it } from 'vitest';
import { parseLastEventId, toSseFrame } from './sse-frame.js';

describe('Server-Sent Events frames', () => {
  it('writes the id, the event name and each data line, ending with a blank line', () => {
    expect(toSseFrame({ id: 7, event: 'created', data: '{"a":1}\n{"b":2}' })).toBe(
      'id: 7\nevent: created\ndata: {"a":1}\ndata: {"b":2}\n\n',
    );
  });

  it('takes the first whole-number id offered and ignores anything else', () => {
    expect(parseLastEventId(undefined, ' 42 ')).toBe(42);
    expect(parseLastEventId('12', '40')).toBe(12);
    expect(parseLastEventId('-1', 'abc', '1e3', '')).toBeNull();
  });
});
