// A local SMTP server for the newsletter benchmark, in its own process so it does not
// share the sender's event loop: prints its port, then the count of accepted messages
// whenever a line arrives on stdin.
import { startCountingSmtpSink } from '../src/platform/mail/test-support/counting-smtp-sink.js';

const sink = await startCountingSmtpSink();
process.stdout.write(`READY ${sink.url}\n`);
process.stdin.on('data', () => {
  process.stdout.write(`COUNT ${sink.accepted()} ${sink.counts.size}\n`);
});
process.stdin.on('end', () => {
  void sink.close().then(() => process.exit(0));
});
