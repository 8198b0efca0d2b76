import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server that counts accepted messages per recipient without keeping them, for
 * sends of thousands. `hold()` stops it answering after DATA: messages then wait for a
 * "250" that never comes, and are not counted, as when a server never accepted them.
 */
export interface CountingSmtpSink {
  readonly url: string;
  /** Accepted messages per recipient address. */
  readonly counts: Map<string, number>;
  accepted(): number;
  hold(): void;
  /** Answers again; messages held so far stay unanswered and uncounted. */
  release(): void;
  close(): Promise<void>;
}

export async function startCountingSmtpSink(
  options: { holdAfter?: number; onHold?: () => void } = {},
): Promise<CountingSmtpSink> {
  const counts = new Map<string, number>();
  let accepted = 0;
  let holding = false;
  let held = false;
  const hold = () => {
    if (held) return;
    held = true;
    holding = true;
    options.onHold?.();
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 200,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        if (holding) return;
        for (const rcpt of session.envelope.rcptTo) {
          counts.set(rcpt.address, (counts.get(rcpt.address) ?? 0) + 1);
        }
        accepted += 1;
        callback();
        if (options.holdAfter !== undefined && accepted >= options.holdAfter) hold();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    counts,
    accepted: () => accepted,
    hold,
    release: () => {
      holding = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
