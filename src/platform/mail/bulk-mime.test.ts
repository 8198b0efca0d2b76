import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { prepareBulkMime } from './bulk-mime.js';
import type { BulkMail, BulkRecipient } from './mail-transport.js';

const mail: BulkMail = {
  from: '"Щоденний огляд" <desk@news.example>',
  subject: 'The bridge reopens — “at last”',
  text: `Good morning.\n\n${'A long line of news that goes on and on. '.repeat(6)}\nYour settings: __PREFS__\nLeave: __LEAVE__ `,
  html: `<p>Привіт, ${'reader '.repeat(30)}</p><a href="__PREFS__">Settings</a> <a href="__LEAVE__">Leave</a>`,
  replyTo: 'letters@news.example',
  headers: { 'List-Id': '"Daily" <daily.news.example>', Precedence: 'bulk' },
  slots: ['__PREFS__', '__LEAVE__'],
};

const recipient: BulkRecipient = {
  to: 'reader-7@example.com',
  messageId: 'f00d@news.example',
  date: new Date('2026-03-02T06:00:00Z'),
  slots: {
    __PREFS__: 'https://news.example/email/preferences/abc.DEF-123',
    __LEAVE__: 'https://news.example/unsubscribe/abc.all.XYZ_9=',
  },
  headers: { 'List-Unsubscribe': '<https://news.example/unsubscribe/abc.all.XYZ_9>' },
};

describe('a bulk mail filled in for one recipient', () => {
  it('parses as the message the recipient would get if it were composed whole', async () => {
    const prepared = await prepareBulkMime(mail);
    const raw = prepared.toRaw(recipient);
    expect(raw).not.toBeNull();
    expect(raw?.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    const parsed = await simpleParser(raw ?? '');
    expect(prepared.sender).toBe('desk@news.example');
    expect(parsed.from?.value).toEqual([{ name: 'Щоденний огляд', address: 'desk@news.example' }]);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.messageId).toBe('<f00d@news.example>');
    expect(parsed.date?.toISOString()).toBe('2026-03-02T06:00:00.000Z');
    expect(parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toBe(
      'List-Unsubscribe: <https://news.example/unsubscribe/abc.all.XYZ_9>',
    );
    expect(parsed.headerLines.find((h) => h.key === 'list-id')?.line).toBe(
      'List-ID: "Daily" <daily.news.example>',
    );
    expect(parsed.headers.get('precedence')).toBe('bulk');
    expect(parsed.replyTo?.text).toBe('letters@news.example');
    const filled = (text: string) =>
      text
        .replaceAll('__PREFS__', recipient.slots.__PREFS__ ?? '')
        .replaceAll('__LEAVE__', recipient.slots.__LEAVE__ ?? '');
    expect(parsed.text).toBe(filled(mail.text));
    expect(parsed.html).toBe(filled(mail.html));
  });

  it('leaves an address that is not plain ASCII to be composed in full', async () => {
    const prepared = await prepareBulkMime(mail);
    expect(prepared.toRaw({ ...recipient, to: 'читач@приклад.укр' })).toBeNull();
  });
});
