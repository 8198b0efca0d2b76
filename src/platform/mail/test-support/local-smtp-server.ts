import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface LocalSmtpServer {
  /** `smtp://127.0.0.1:{port}`, for MASTHEAD_SMTP_URL. */
  readonly url: string;
  /** Every message received so far, as the raw bytes the client sent after DATA. */
  readonly received: Buffer[];
  close(): Promise<void>;
}

/** A real SMTP server on a free local port that keeps what it receives; no TLS, no auth. */
export async function startLocalSmtpServer(): Promise<LocalSmtpServer> {
  const received: Buffer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
