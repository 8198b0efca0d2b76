// A Masthead web process (or, with MASTHEAD_WEB_PROCESSES > 1, a primary and its processes)
// for tests that need more than one: started by web-process.ts.
import cluster from 'node:cluster';
import { loadConfig } from '../../src/config/config.js';
import { runMasthead, stopOnSignals } from '../../src/main/web-processes.js';

const running = await runMasthead(loadConfig());
if (cluster.isPrimary) process.stdout.write(`READY ${running.url}\n`);
stopOnSignals(running);
