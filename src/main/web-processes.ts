import cluster, { type Worker } from 'node:cluster';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config/config.js';
import { createEventWakeHub, type IpcEndpoint } from '../platform/events/ipc-event-wake.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { prepareDatabase, startMasthead, type RunningMasthead } from './server.js';
import { createServices } from './services.js';

/** The processes `masthead start` runs: web processes sharing the port, and the job worker. */
export interface ProcessPlan {
  readonly webProcesses: number;
  readonly jobWorker: boolean;
}

/** Null: one process does everything its role says, as a single `masthead start` always did. */
export function planProcesses(config: Pick<Config, 'role' | 'webProcesses'>): ProcessPlan | null {
  if (config.role === 'worker' || config.webProcesses <= 1) return null;
  return { webProcesses: config.webProcesses, jobWorker: config.role === 'all' };
}

/** A process that stops sooner than this after it started counts as failing to start. */
const healthyAfterMs = 10_000;
const longestRestartDelayMs = 30_000;
/** How long the processes may take to finish their requests and jobs before they are killed. */
const drainTimeoutMs = 30_000;

type Role = 'web' | 'worker';

/**
 * Runs Masthead as configured: in a process started by the primary, that process's part;
 * otherwise the primary and its processes, or one process alone.
 */
export async function runMasthead(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningMasthead> {
  if (cluster.isWorker) return startMasthead(config, logger, { prepared: true });
  const plan = planProcesses(config);
  if (plan === null) return startMasthead(config, logger);
  return startPrimary(config, logger, plan);
}

/**
 * Stops gracefully on SIGTERM (and SIGINT when alone), then exits. A process of the primary
 * ignores SIGINT, which a terminal sends to every process at once: the primary stops them in
 * order. It also stops when the primary is gone.
 */
export function stopOnSignals(running: RunningMasthead): void {
  let stopping: Promise<void> | undefined;
  const stop = (): void => {
    stopping ??= running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Masthead did not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  if (cluster.isWorker) {
    process.on('SIGINT', () => undefined);
    process.once('disconnect', stop);
  } else {
    process.once('SIGINT', stop);
  }
}

function workerEndpoint(worker: Worker): IpcEndpoint {
  return {
    send: (message) => {
      if (worker.isConnected()) worker.send(message as object);
    },
    listen: (listener) => {
      worker.on('message', listener);
      return () => void worker.off('message', listener);
    },
  };
}

function urlOf(address: AddressInfo | { address: string | null; port: number }, host: string) {
  const name = address.address ?? host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${address.port}`;
}

/**
 * The primary: migrates and seeds once, then forks the web processes (node:cluster shares the
 * port between them) and the job worker, relays event wake-ups between them, replaces any
 * that stops, and on `stop` asks each to drain and waits for it.
 */
async function startPrimary(
  config: Config,
  logger: Logger,
  plan: ProcessPlan,
): Promise<RunningMasthead> {
  const services = createServices({ config, logger });
  try {
    await prepareDatabase(services, config);
  } finally {
    await services.close();
  }

  const hub = createEventWakeHub();
  const running = new Set<Worker>();
  const restartTimers = new Set<NodeJS.Timeout>();
  let stopping = false;
  let quickFailures = 0;

  function spawn(role: Role): Worker {
    const worker = cluster.fork({ MASTHEAD_ROLE: role, MASTHEAD_DEMO: 'false' });
    const startedAt = Date.now();
    running.add(worker);
    const leave = hub.join(workerEndpoint(worker));
    worker.once('exit', (code, signal) => {
      leave();
      running.delete(worker);
      if (stopping) return;
      const quick = Date.now() - startedAt < healthyAfterMs;
      quickFailures = quick ? quickFailures + 1 : 0;
      const delayMs = quick ? Math.min(250 * 2 ** (quickFailures - 1), longestRestartDelayMs) : 0;
      logger.error(
        { pid: worker.process.pid, code, signal, role, restartInMs: delayMs },
        'a Masthead process stopped; starting another',
      );
      const timer = setTimeout(() => {
        restartTimers.delete(timer);
        if (!stopping) spawn(role);
      }, delayMs);
      restartTimers.add(timer);
    });
    return worker;
  }

  const listening = (worker: Worker): Promise<string> =>
    new Promise((resolve, reject) => {
      const exited = (code: number | null): void =>
        reject(new Error(`A web process exited with code ${String(code)} before it listened.`));
      worker.once('exit', exited);
      worker.once('listening', (address) => {
        worker.off('exit', exited);
        resolve(urlOf(address, config.host));
      });
    });

  const stop = async (): Promise<void> => {
    stopping = true;
    restartTimers.forEach(clearTimeout);
    restartTimers.clear();
    await Promise.all(
      [...running].map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) {
              resolve();
              return;
            }
            const force = setTimeout(() => worker.process.kill('SIGKILL'), drainTimeoutMs);
            worker.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  };

  const web = Array.from({ length: plan.webProcesses }, () => spawn('web'));
  if (plan.jobWorker) spawn('worker');
  let url: string;
  try {
    [url = ''] = await Promise.all(web.map(listening));
  } catch (error) {
    await stop();
    throw error;
  }
  process.stdout.write(
    `  Masthead is serving ${config.siteUrl} (listening on ${url}; ` +
      `${plan.webProcesses} web processes${plan.jobWorker ? ' and a job worker' : ''})\n`,
  );
  return { url, stop };
}
