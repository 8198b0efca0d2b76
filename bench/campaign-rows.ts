/**
 * What a running campaign costs anonymous readers of cached pages: the warm rows again with
 * the demo's campaign ended and running, in turns, compared by requests per second and by
 * the CPU time Masthead's processes spent per request (steadier on a shared machine).
 */
import { switchCampaign } from './campaign-switch.js';
import { median, type Encoding, type WrkResult } from './wrk.js';

/** With `BENCH_CAMPAIGN=both`: how many times the rows go off and on again after the first. */
const campaignRounds = Number(process.env.BENCH_CAMPAIGN_ROUNDS ?? 2);

interface Rows {
  readonly identity: WrkResult[];
  readonly gzip: WrkResult[];
}

export interface CampaignRowsInput {
  readonly base: string;
  readonly token: string;
  readonly slug: string;
  readonly processes: number;
  /** The article's bytes with the campaign on. */
  readonly bytes: number;
  /** The rows already measured with the campaign on. */
  readonly on: Rows;
  /** Loads the article until every web process has it cached. */
  warm(): Promise<void>;
  measure(encoding: Encoding): Promise<WrkResult>;
}

/**
 * Off, on, off, on…: a drift of the machine over the run falls on both sides instead of
 * passing for the campaign's cost. Ratios are of the medians.
 */
export async function campaignRows(input: CampaignRowsInput): Promise<string[]> {
  const { base, token, slug, processes } = input;
  const on: Rows = { identity: [...input.on.identity], gzip: [...input.on.gzip] };
  const off: Rows = { identity: [], gzip: [] };
  let plainBytes = 0;
  const measureInto = async (rows: Rows) => {
    rows.identity.push(await input.measure('identity'));
    rows.gzip.push(await input.measure('gzip'));
  };
  for (let round = 0; round < campaignRounds; round += 1) {
    await switchCampaign(base, token, false, slug, processes);
    await input.warm();
    plainBytes = (await (await fetch(`${base}/${slug}`)).arrayBuffer()).byteLength;
    await measureInto(off);
    await switchCampaign(base, token, true, slug, processes);
    await input.warm();
    await measureInto(on);
  }
  const rps = (rows: readonly WrkResult[]) => rows.map((row) => row.rps.toFixed(0)).join(', ');
  const cpu = (rows: readonly WrkResult[]) =>
    rows.map((row) => row.serverCpuUs.toFixed(1)).join(', ');
  const ratio = (
    a: readonly WrkResult[],
    b: readonly WrkResult[],
    pick: (r: WrkResult) => number,
  ) => `${(median(a.map(pick)) / median(b.map(pick))).toFixed(2)}×`;
  const byRps = (row: WrkResult) => row.rps;
  const byCpu = (row: WrkResult) => row.serverCpuUs;
  return [
    `  Campaign on and off in turns (article ${input.bytes} vs ${plainBytes} bytes):`,
    `    identity req/s   on: ${rps(on.identity)}; off: ${rps(off.identity)}`,
    `    gzip     req/s   on: ${rps(on.gzip)}; off: ${rps(off.gzip)}`,
    `    identity CPU µs/request   on: ${cpu(on.identity)}; off: ${cpu(off.identity)}`,
    `    gzip     CPU µs/request   on: ${cpu(on.gzip)}; off: ${cpu(off.gzip)}`,
    `  Campaign on ÷ off (medians): req/s identity ${ratio(on.identity, off.identity, byRps)}, gzip ${ratio(on.gzip, off.gzip, byRps)}; ` +
      `CPU per request identity ${ratio(on.identity, off.identity, byCpu)}, gzip ${ratio(on.gzip, off.gzip, byCpu)}`,
  ];
}
