import { describe, expect, it } from 'vitest';
import { parseOpenFileLimit, readOpenFileLimit } from '../../platform/open-file-limit.js';
import {
  createLiveConnectionLimits,
  decideLiveConnectionLimits,
  defaultPerClientLimit,
} from './live-connection-limits.js';

describe('live connection limits', () => {
  it('keeps a quarter of the open-file limit, at least 256 files, for everything else', () => {
    expect(decideLiveConnectionLimits(1024)).toEqual({
      perClient: defaultPerClientLimit,
      total: 768,
    });
    expect(decideLiveConnectionLimits(20_000).total).toBe(15_000);
    expect(decideLiveConnectionLimits(300).total).toBe(44);
    expect(decideLiveConnectionLimits(1_048_576).total).toBe(20_000);
    expect(decideLiveConnectionLimits(100)).toEqual({ perClient: 0, total: 0 });
  });

  it('refuses a client past its own limit, and anyone past the total, until places free up', () => {
    const limits = createLiveConnectionLimits({ perClient: 2, total: 3 });
    const a1 = limits.admit('192.0.2.1');
    const a2 = limits.admit('192.0.2.1');
    expect([a1.admitted, a2.admitted]).toEqual([true, true]);
    expect(limits.admit('192.0.2.1')).toEqual({ admitted: false, refusedBecause: 'client' });
    expect(limits.admit('192.0.2.2').admitted).toBe(true);
    expect(limits.admit('192.0.2.3')).toEqual({ admitted: false, refusedBecause: 'total' });
    if (a1.admitted) {
      a1.release();
      a1.release();
    }
    expect(limits.open()).toBe(2);
    expect(limits.admit('192.0.2.3').admitted).toBe(true);
    expect(limits.admit('192.0.2.4').admitted).toBe(false);
  });

  it('reads the soft open-file limit the way the operating system reports it', () => {
    const text = [
      'Limit                     Soft Limit           Hard Limit           Units',
      'Max processes             63704                63704                processes',
      'Max open files            1024                 524288               files',
    ].join('\n');
    expect(parseOpenFileLimit(text)).toBe(1024);
    expect(parseOpenFileLimit('Max open files            unlimited  unlimited  files')).toBe(
      Number.MAX_SAFE_INTEGER,
    );
    expect(parseOpenFileLimit('nothing here')).toBeUndefined();
    expect(readOpenFileLimit()).toBeGreaterThan(0);
  });
});
