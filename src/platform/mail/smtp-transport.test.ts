import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { buildMimeMessage } from './mime-message.js';
import type { OutgoingMail } from './mail-transport.js';
import { createSmtpTransport } from './smtp-transport.js';
import { startLocalSmtpServer, type LocalSmtpServer } from './test-support/local-smtp-server.js';

const mail: OutgoingMail = {
  from: '"Kyiv Evening News" <newsroom@news.test>',
  to: 'olena@example.com',
  subject: 'Ready for review: Bridge repairs start — «Monday»',
  text: 'Mira submitted “Bridge repairs” for review.\n',
  html: '<!doctype html><html><body><p style="color: #1a1a1a">Mira submitted <b>Bridge repairs</b>.</p></body></html>',
  messageId: '0123456789abcdef@news.test',
  date: new Date('2026-11-20T09:00:00.000Z'),
};

describe('the SMTP adapter', () => {
  let server: LocalSmtpServer;

  beforeAll(async () => {
    server = await startLocalSmtpServer();
  });
  afterAll(() => server.close());

  it('delivers a MIME message with its subject, recipient, text and HTML parts', async () => {
    const transport = createSmtpTransport({ url: server.url });
    await transport.send(mail);
    await transport.close();
    expect(server.received).toHaveLength(1);
    const parsed = await simpleParser(server.received[0] ?? Buffer.alloc(0));
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.to).toMatchObject({ value: [{ address: 'olena@example.com' }] });
    expect(parsed.from).toMatchObject({
      value: [{ name: 'Kyiv Evening News', address: 'newsroom@news.test' }],
    });
    expect(parsed.messageId).toBe('<0123456789abcdef@news.test>');
    expect(parsed.text).toBe(mail.text);
    expect(parsed.html).toContain('Mira submitted <b>Bridge repairs</b>.');
  });

  it('rejects when no server answers, so the mail job tries again', async () => {
    const transport = createSmtpTransport({ url: 'smtp://127.0.0.1:1' });
    await expect(transport.send(mail)).rejects.toThrow();
    await transport.close();
  });
});

describe('the MIME document the outbox stores', () => {
  it('is the same message a mail program reads', async () => {
    const parsed = await simpleParser(await buildMimeMessage(mail));
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.date?.toISOString()).toBe('2026-11-20T09:00:00.000Z');
    expect(parsed.text).toBe(mail.text);
    expect(parsed.html).toContain('<b>Bridge repairs</b>');
  });
});
