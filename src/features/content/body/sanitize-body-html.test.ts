import { describe, expect, test } from 'vitest';
import { sanitizeBodyHtml } from './sanitize-body-html.js';

describe('sanitizeBodyHtml', () => {
  test('removes scripts and styles together with their text', () => {
    expect(sanitizeBodyHtml('<p>Hi<script>alert(1)</script><style>p{}</style></p>')).toBe(
      '<p>Hi</p>',
    );
  });

  test('removes event handlers and javascript: URLs', () => {
    const html = sanitizeBodyHtml(
      '<img src="x" onerror="alert(1)"><a href="javascript:alert(1)" onclick="x()">go</a>',
    );
    expect(html).not.toMatch(/onerror|onclick|javascript/iu);
  });

  test('keeps iframes only from embed hosts', () => {
    expect(
      sanitizeBodyHtml('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'),
    ).toContain('src="https://www.youtube.com/embed/dQw4w9WgXcQ"');
    expect(sanitizeBodyHtml('<iframe src="https://evil.example/x"></iframe>')).not.toContain(
      'evil',
    );
  });

  test('keeps the classes that carry meaning and drops the rest', () => {
    expect(sanitizeBodyHtml('<blockquote class="pullquote big">x</blockquote>')).toBe(
      '<blockquote class="pullquote">x</blockquote>',
    );
  });

  test('turns a paywall comment into the paywall marker element', () => {
    expect(sanitizeBodyHtml('<p>a</p><!-- paywall --><!--members-only-->')).toBe(
      '<p>a</p><hr class="paywall-marker" /><hr class="paywall-marker" />',
    );
  });
});
