// A Masthead job worker in its own process, on a manual clock, for tests that kill it:
// started by worker-process.ts. MASTHEAD_TEST_CLOCK sets its time.
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config/config.js';
import { createServices } from '../../src/main/services.js';
import { createWorker } from '../../src/main/worker.js';
import { createManualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';

const clock = createManualClock(process.env.MASTHEAD_TEST_CLOCK ?? '2026-11-20T09:00:00.000Z');
const services = createServices({ config: loadConfig(), logger: createLogger('warn'), clock });
const worker = createWorker(services);
process.stdout.write('READY\n');
for (;;) {
  if ((await worker.runDue()) === 0) await sleep(20);
}
