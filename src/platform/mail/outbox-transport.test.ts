import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMail } from './mail-transport.js';
import { createOutboxTransport, type OutboxTransport } from './outbox-transport.js';

function mailAt(at: string, overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    from: '"Masthead" <newsroom@localhost>',
    to: 'editor@news.test',
    subject: `Message of ${at}`,
    text: 'Plain words.\n',
    html: '<p>Plain words.</p>',
    messageId: `${at.replace(/\D/g, '')}@localhost`,
    date: new Date(at),
    ...overrides,
  };
}

describe('the local outbox', () => {
  let dataDir: string;
  let outbox: OutboxTransport;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-outbox-'));
    outbox = createOutboxTransport({ dataDir });
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps each message as an .eml file a mail program can open', async () => {
    await outbox.send(mailAt('2026-11-20T09:00:00.000Z'));
    const [message] = await outbox.listMessages(10);
    if (message === undefined) throw new Error('The outbox is empty.');
    const file = outbox.fileOf(message.id);
    expect(path.dirname(file)).toBe(path.join(dataDir, 'outbox'));
    const parsed = await simpleParser(readFileSync(file));
    expect(parsed.subject).toBe('Message of 2026-11-20T09:00:00.000Z');
    expect(parsed.text).toBe('Plain words.\n');
    expect(parsed.html).toContain('<p>Plain words.</p>');
  });

  it('lists the newest first, as many as asked for', async () => {
    await outbox.send(mailAt('2026-11-20T09:00:00.000Z'));
    await outbox.send(mailAt('2026-11-20T11:00:00.000Z'));
    await outbox.send(mailAt('2026-11-20T10:00:00.000Z'));
    const listed = await outbox.listMessages(2);
    expect(listed.map((m) => m.createdAt)).toEqual([
      '2026-11-20T11:00:00.000Z',
      '2026-11-20T10:00:00.000Z',
    ]);
  });

  it('keeps one copy of a message submitted twice, with the later content', async () => {
    const first = mailAt('2026-11-20T09:00:00.000Z', { text: 'First try.\n' });
    await outbox.send(first);
    await outbox.send({ ...first, text: 'Second try.\n' });
    const listed = await outbox.listMessages(10);
    expect(listed).toHaveLength(1);
    expect(listed[0]?.text).toBe('Second try.\n');
  });

  it('is empty before anything is sent', async () => {
    expect(await outbox.listMessages(10)).toEqual([]);
  });
});
