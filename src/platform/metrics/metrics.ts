import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Numbers other parts of Masthead know and the metrics read when scraped. */
export interface MetricSources {
  readonly pageCache: () => {
    readonly entries: number;
    readonly bytes: number;
    readonly hits: number;
    readonly misses: number;
  };
  readonly liveConnections: () => number;
  /** Open jobs by kind and status, counted in the database (so across every worker). */
  readonly openJobs: () => Promise<readonly { kind: string; status: string; count: number }[]>;
  /** The PostgreSQL pool; null on SQLite, which has one connection and no pool. */
  readonly databasePool: () => { total: number; idle: number; waiting: number } | null;
}

/**
 * One Prometheus registry per process. Counters that change on every request are
 * incremented where the work happens; the rest are read from their owners at scrape time,
 * so the hot paths (the page cache above all) pay nothing for them.
 */
export function createMetrics(sources: MetricSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'masthead_' });

  const httpRequests = new Counter({
    name: 'masthead_http_requests_total',
    help: 'Requests answered by the application (page-cache hits are counted apart), by route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'masthead_http_request_duration_seconds',
    help: 'Time to answer a request, by route.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const emailsSent = new Counter({
    name: 'masthead_emails_sent_total',
    help: 'E-mails handed to the mail transport.',
    registers: [registry],
  });

  new Counter({
    name: 'masthead_page_cache_hits_total',
    help: 'Reader requests answered from the page cache.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(sources.pageCache().hits);
    },
  });
  new Counter({
    name: 'masthead_page_cache_misses_total',
    help: 'Cacheable reader requests the page cache could not answer.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(sources.pageCache().misses);
    },
  });
  new Gauge({
    name: 'masthead_page_cache_entries',
    help: 'Pages held in the page cache.',
    registers: [registry],
    collect() {
      this.set(sources.pageCache().entries);
    },
  });
  new Gauge({
    name: 'masthead_page_cache_bytes',
    help: 'Bytes held in the page cache, every encoding included.',
    registers: [registry],
    collect() {
      this.set(sources.pageCache().bytes);
    },
  });
  new Gauge({
    name: 'masthead_live_connections',
    help: 'Open Server-Sent Events connections to the live news feed.',
    registers: [registry],
    collect() {
      this.set(sources.liveConnections());
    },
  });
  new Gauge({
    name: 'masthead_jobs',
    help: 'Background jobs waiting (queued), running, or failed for good, by kind.',
    labelNames: ['kind', 'status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const { kind, status, count } of await sources.openJobs()) {
        this.set({ kind, status }, count);
      }
    },
  });
  new Gauge({
    name: 'masthead_db_pool_connections',
    help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = sources.databasePool();
      if (pool === null) return;
      this.set({ state: 'total' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });

  return {
    registry,
    /** Records one answered request; `route` is the route pattern, never the raw URL. */
    observeRequest(method: string, route: string, status: number, seconds: number): void {
      httpRequests.inc({ method, route, status: String(status) });
      httpDuration.observe({ method, route }, seconds);
    },
    countEmailSent(): void {
      emailsSent.inc();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
