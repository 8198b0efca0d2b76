export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const sampleLine =
  /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*)\})? (\S+)(?: -?\d+)?$/;
const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
const typeLine = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/;

/**
 * Parses the Prometheus text exposition format (version 0.0.4) strictly: every line must
 * be a comment, a HELP or TYPE line, or a sample of a declared metric; throws otherwise.
 */
export function parsePrometheusText(text: string): Sample[] {
  const declared = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      const type = typeLine.exec(line);
      if (type?.[1] !== undefined && type[2] !== undefined) declared.set(type[1], type[2]);
      else if (!line.startsWith('# HELP ')) throw new Error(`Unreadable comment: ${line}`);
      continue;
    }
    const match = sampleLine.exec(line);
    if (match?.[1] === undefined || match[3] === undefined) {
      throw new Error(`Unreadable sample: ${line}`);
    }
    const name = match[1];
    const family = name.replace(/_(bucket|sum|count|total|created)$/, '');
    if (!declared.has(name) && !declared.has(family)) {
      throw new Error(`Sample of an undeclared metric: ${line}`);
    }
    // Values are Go floats: `+Inf`, `-Inf` and NaN in any letter case are allowed.
    const raw = match[3];
    const value = /^nan$/i.test(raw) ? Number.NaN : Number(raw.replace(/Inf$/, 'Infinity'));
    if (Number.isNaN(value) && !/^nan$/i.test(raw)) throw new Error(`Unreadable value: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(labelPair)) {
      if (pair[1] !== undefined) labels[pair[1]] = pair[2] ?? '';
    }
    samples.push({ name, labels, value });
  }
  return samples;
}

/** The sum of the samples of `name` whose labels include `labels`. */
export function sumOf(
  samples: readonly Sample[],
  name: string,
  labels: Readonly<Record<string, string>> = {},
): number {
  return samples
    .filter(
      (sample) =>
        sample.name === name &&
        Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )
    .reduce((total, sample) => total + sample.value, 0);
}
