import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { GatewayMetrics } from './gateway-metrics';

const ROOT = join(__dirname, '../..');

/** Metric names in a PromQL expression (label matchers and `by (…)` groupings removed first). */
function metricNames(expr: string): string[] {
  const bare = expr.replace(/\{[^}]*\}/g, '').replace(/\b(by|without)\s*\([^)]*\)/g, '');
  return [...bare.matchAll(/\b((?:bedrock_gateway|gen_ai|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1]);
}

function dashboardExpressions(): string[] {
  const dashboard = JSON.parse(
    readFileSync(join(ROOT, 'deploy/grafana/bedrock-gateway.dashboard.json'), 'utf8'),
  ) as { panels: { targets?: { expr: string }[] }[]; templating: { list: { definition?: string }[] } };
  return [
    ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)),
    ...dashboard.templating.list.flatMap((v) => (v.definition ? [v.definition] : [])),
  ];
}

function alertExpressions(): string[] {
  const docs = parseAllDocuments(
    readFileSync(join(ROOT, 'deploy/kubernetes/overlays/monitoring/prometheusrule.yaml'), 'utf8'),
  ).map((d) => d.toJSON() as { spec: { groups: { rules: { alert: string; expr: string }[] }[] } });
  return docs.flatMap((d) => d.spec.groups.flatMap((g) => g.rules.map((r) => r.expr)));
}

describe('dashboard and alert rules', () => {
  it('use only metric series the gateway exports', async () => {
    const metrics = new GatewayMetrics();
    metrics.sampledGauge('bedrock_gateway_model_catalog_age_seconds', 'age', () => 1);
    metrics.sampledCounter('bedrock_gateway_key_source_refresh_failures_total', 'f', 'source', () => [
      ['env', 0],
    ]);
    const families = (await metrics.registry.getMetricsAsJSON()).map((m) => ({ name: m.name, type: m.type }));
    const exported = new Set<string>();
    for (const f of families) {
      exported.add(f.name);
      if (String(f.type) === 'histogram')
        ['_bucket', '_sum', '_count'].forEach((s) => exported.add(f.name + s));
    }
    const used = [...dashboardExpressions(), ...alertExpressions()].flatMap(metricNames);
    expect(used.length).toBeGreaterThan(20);
    expect([...new Set(used.filter((name) => !exported.has(name)))]).toEqual([]);
  });

  it('alert on error rate, throttling, p95 latency and overhead', () => {
    const exprs = alertExpressions().join('\n');
    expect(exprs).toContain('status_class="5xx"');
    expect(exprs).toContain('outcome="throttled"');
    expect(exprs).toContain('histogram_quantile(0.95');
    expect(exprs).toContain('bedrock_gateway_overhead_seconds_bucket');
  });
});
