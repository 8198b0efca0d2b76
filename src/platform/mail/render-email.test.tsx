import { describe, expect, it } from 'vitest';
import { EmailButton, EmailLayout, renderEmailHtml, toEmailText } from './render-email.js';

describe('e-mail rendering', () => {
  it('inlines the style sheet into each element, for mail programs that drop <style>', () => {
    const html = renderEmailHtml(
      <EmailLayout siteTitle="Kyiv Daily" subject="Hello" preheader="Read me">
        <EmailButton href="https://news.example/admin">Open the CMS</EmailButton>
      </EmailLayout>,
    );
    expect(html).toMatch(
      /<a class="button" href="https:\/\/news\.example\/admin" style="[^"]*background: #1a1a1a/,
    );
    expect(html).toMatch(/<p class="masthead" style="[^"]*font-weight: bold[^"]*">Kyiv Daily<\/p>/);
  });

  it('escapes what people typed', () => {
    const html = renderEmailHtml(
      <EmailLayout siteTitle="<script>x</script>" subject="s" preheader="p">
        <p>{'<img src=x onerror=alert(1)>'}</p>
      </EmailLayout>,
    );
    expect(html).not.toContain('<script>x</script>');
    expect(html).not.toContain('<img src=x');
  });

  it('writes the plain-text part as paragraphs, leaving out the missing ones', () => {
    expect(toEmailText(['Hello,', null, 'https://news.example/x', ''])).toBe(
      'Hello,\n\nhttps://news.example/x\n',
    );
  });
});
