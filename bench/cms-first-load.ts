/**
 * The CMS's first load on a slow connection: bytes over the wire and the time until the
 * sign-in form is there, in Chromium with the network throttled through the DevTools
 * protocol (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, DevTools' "Slow 4G"). Each
 * run uses a fresh browser context, so nothing is cached. The CMS is served by its own
 * route plugin; the Admin API answers "not signed in". Not a test: it reports figures.
 * Run with `npx tsx bench/cms-first-load.ts` after `npm run build`.
 */
import Fastify from 'fastify';
import { chromium } from 'playwright-core';
import { adminRoutes } from '../src/site/admin/admin.routes.js';

const runs = Number(process.env.BENCH_RUNS ?? 5);

const app = Fastify();
app.all('/api/admin/*', async (_request, reply) =>
  reply.status(401).send({ error: { code: 'unauthenticated', message: 'Sign in.' } }),
);
await app.register(adminRoutes());
const base = await app.listen({ host: '127.0.0.1', port: 0 });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
});

const results: { bytes: number; ms: number; requests: number }[] = [];
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    requests += 1;
  });
  const start = performance.now();
  await page.goto(`${base}/admin`);
  await page.getByLabel('Password').waitFor({ timeout: 120_000 });
  results.push({ bytes, ms: performance.now() - start, requests });
  await context.close();
}
await browser.close();
await app.close();

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
process.stdout.write(
  `CMS first load (sign-in page), ${runs} cold runs, Slow 4G:\n` +
    `  bytes over the wire: ${median(results.map((r) => r.bytes))} (median; ${results[0]?.requests ?? 0} requests)\n` +
    `  time to the sign-in form: ${Math.round(median(results.map((r) => r.ms)))} ms (median)\n`,
);
