/**
 * A parser of Prometheus's text exposition format (version 0.0.4), strict enough for tests: every line must be a
 * comment, `# HELP`, `# TYPE` or a well-formed sample, label values are unescaped (`\\`, `\"`, `\n`), values
 * include NaN and ±Inf, and each sample is attributed to its family (`x_bucket`, `x_sum`, `x_count` belong to the
 * histogram `x`). Anything malformed throws, so a broken exposition fails the test instead of matching nothing.
 * https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  type: string;
  help: string;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const SUFFIXES: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['_sum', '_count'],
  counter: ['_total'],
};

function parseValue(text: string, line: string): number {
  // prom-client writes NaN as `Nan` (a gauge with no samples yet); Prometheus reads it case-insensitively.
  if (/^nan$/i.test(text)) return Number.NaN;
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`bad sample value in: ${line}`);
  return Number(text);
}

function parseLabels(text: string, line: string): { labels: Record<string, string>; rest: string } {
  const labels: Record<string, string> = {};
  let i = 1; // after '{'
  for (;;) {
    while (text[i] === ' ') i++;
    if (text[i] === '}') return { labels, rest: text.slice(i + 1) };
    const name = LABEL_NAME.exec(text.slice(i))?.[0];
    if (!name) throw new Error(`bad label name in: ${line}`);
    i += name.length;
    if (text[i] !== '=' || text[i + 1] !== '"') throw new Error(`bad label in: ${line}`);
    i += 2;
    let value = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) throw new Error(`unterminated label value in: ${line}`);
      if (c === '"') break;
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'n') value += '\n';
        else if (e === '\\' || e === '"') value += e;
        else throw new Error(`bad escape in: ${line}`);
        i += 2;
      } else {
        value += c;
        i++;
      }
    }
    i++;
    if (name in labels) throw new Error(`label ${name} repeated in: ${line}`);
    labels[name] = value;
    if (text[i] === ',') i++;
    else if (text[i] !== '}') throw new Error(`expected , or } in: ${line}`);
  }
}

export function parsePrometheusText(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  const family = (name: string): MetricFamily => {
    let f = families.get(name);
    if (!f) families.set(name, (f = { name, type: 'untyped', help: '', samples: [] }));
    return f;
  };
  const owner = (sample: string): MetricFamily => {
    for (const f of families.values()) {
      if (f.name === sample) return f;
      if ((SUFFIXES[f.type] ?? []).some((s) => f.name + s === sample)) return f;
    }
    return family(sample);
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const m = /^#\s+(HELP|TYPE)\s+([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\s(.*))?$/.exec(line);
      if (!m) continue; // an ordinary comment
      const f = family(m[2]);
      if (m[1] === 'TYPE') {
        if (!/^(counter|gauge|histogram|summary|untyped)$/.test(m[3] ?? ''))
          throw new Error(`bad TYPE: ${line}`);
        if (f.samples.length > 0) throw new Error(`TYPE after samples: ${line}`);
        f.type = m[3];
      } else {
        f.help = (m[3] ?? '').replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
      }
      continue;
    }
    const name = NAME.exec(line)?.[0];
    if (!name) throw new Error(`bad sample line: ${line}`);
    let rest = line.slice(name.length);
    let labels: Record<string, string> = {};
    if (rest.startsWith('{')) ({ labels, rest } = parseLabels(rest, line));
    const parts = rest.trim().split(/\s+/);
    if (parts.length < 1 || parts.length > 2 || parts[0] === '') throw new Error(`bad sample line: ${line}`);
    owner(name).samples.push({ name, labels, value: parseValue(parts[0], line) });
  }
  return families;
}

/** The value of the one sample named `name` whose labels include `match`; throws when none or several match. */
export function valueOf(
  families: Map<string, MetricFamily>,
  name: string,
  match: Record<string, string> = {},
): number {
  const hits = samplesOf(families, name, match);
  if (hits.length !== 1) {
    throw new Error(`${hits.length} samples of ${name} match ${JSON.stringify(match)}`);
  }
  return hits[0].value;
}

/** Samples named `name` whose labels include `match` (0 when a counter child does not exist yet). */
export function samplesOf(
  families: Map<string, MetricFamily>,
  name: string,
  match: Record<string, string> = {},
): Sample[] {
  const out: Sample[] = [];
  for (const f of families.values()) {
    for (const s of f.samples) {
      if (s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v)) out.push(s);
    }
  }
  return out;
}

/** Sum of the matching samples' values (0 when none match). */
export function sumOf(
  families: Map<string, MetricFamily>,
  name: string,
  match: Record<string, string> = {},
): number {
  return samplesOf(families, name, match).reduce((a, s) => a + s.value, 0);
}

/** Every value a label takes across a family's samples. */
export function labelValues(families: Map<string, MetricFamily>, family: string, label: string): Set<string> {
  const values = new Set<string>();
  for (const s of families.get(family)?.samples ?? []) if (label in s.labels) values.add(s.labels[label]);
  return values;
}
