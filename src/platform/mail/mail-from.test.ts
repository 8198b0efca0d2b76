import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config.js';
import { decideFromAddress } from './mail-from.js';

describe('the From address', () => {
  it('is the configured one when MASTHEAD_MAIL_FROM is set', () => {
    expect(
      decideFromAddress('Desk <desk@kyiv.example>', 'Kyiv Daily', 'https://kyiv.example'),
    ).toBe('Desk <desk@kyiv.example>');
  });

  it('is the site title at newsroom@ the site host otherwise', () => {
    expect(decideFromAddress(null, 'Kyiv Daily', 'http://localhost:2368')).toBe(
      '"Kyiv Daily" <newsroom@localhost>',
    );
  });

  it('quotes a title with quotation marks so it cannot break the header', () => {
    expect(decideFromAddress(null, 'The "Real" News\r\nBcc: x@y.z', 'https://news.example')).toBe(
      '"The \\"Real\\" News Bcc: x@y.z" <newsroom@news.example>',
    );
  });

  it('is read from MASTHEAD_MAIL_FROM, which must hold an address', () => {
    expect(loadConfig({ MASTHEAD_MAIL_FROM: 'Desk <desk@kyiv.example>' }).mailFrom).toBe(
      'Desk <desk@kyiv.example>',
    );
    expect(loadConfig({}).mailFrom).toBeNull();
    expect(() => loadConfig({ MASTHEAD_MAIL_FROM: 'Kyiv Daily' })).toThrow(ConfigError);
  });
});
