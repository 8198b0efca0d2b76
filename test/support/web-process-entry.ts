// A Masthead web process for tests that need more than one: started by web-process.ts.
import { loadConfig } from '../../src/config/config.js';
import { startMasthead } from '../../src/main/server.js';

const running = await startMasthead(loadConfig());
process.stdout.write(`READY ${running.url}\n`);
process.once('SIGTERM', () => {
  void running.stop().then(() => process.exit(0));
});
