/**
 * A Masthead process started by a test or the bench as a real child process: it reads its
 * configuration from the MASTHEAD_* environment like `masthead start`, says where it
 * listens on stdout, and answers "memory" messages with its memory use.
 */
import { loadConfig } from '../../src/config/config.js';
import { startMasthead } from '../../src/main/server.js';
import { createLogger } from '../../src/platform/logger.js';

const config = loadConfig();
const running = await startMasthead(config, createLogger(config.logLevel));
process.stdout.write(`LIVE-PROCESS-LISTENING ${running.url}\n`);

process.on('message', (message) => {
  if (message !== 'memory') return;
  // Collected first, when run with --expose-gc, so the heap figure is what is really held.
  (globalThis as { gc?: () => void }).gc?.();
  process.send?.({ memory: process.memoryUsage() });
});

const stop = (): void => {
  void running.stop().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
