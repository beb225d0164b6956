import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewaySettingNames, KEY_SETTINGS } from './gateway-settings.names';
import { find, kustomizations, render } from './kubernetes/kubernetes.render';

/**
 * One source of truth for settings: the gateway's validated schema (src/config/env.schema.ts). Every variable
 * in it is documented once in the README's configuration table and can be set in both deployment paths: on
 * Kubernetes any key of the ConfigMap reaches the container (envFrom, checked here); on ECS any setting passes
 * through the stack's `settings` (deploy/ecs/test/gateway-stack.spec.ts synthesizes it with every one).
 */
const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const names = gatewaySettingNames();
// Variables defined by others and read by libraries, not by the gateway's schema.
const FOREIGN = /^(AWS_|OTEL_|NODE_)/;
// Read by the rate limits of issue 14, in flight: its schema entry arrives when that branch is merged.
const ANNOUNCED = !names.includes('REDIS_URL') ? ['REDIS_URL'] : [];

function configurationTable(): string[] {
  const section = README.split(/^## /m).find((s) => s.startsWith('Configuration'));
  if (!section) throw new Error('README has no "## Configuration" section');
  return section.split('\n').filter((l) => l.startsWith('| `'));
}

describe('gateway settings', () => {
  it('are each documented once in the README configuration table', () => {
    const rows = configurationTable();
    const firstCells = rows.map((r) => r.split('|')[1]);
    const count = (n: string) => firstCells.filter((c) => c.includes(`\`${n}\``)).length;
    expect(names.filter((n) => count(n) !== 1).map((n) => `${n}: ${count(n)} rows`)).toEqual([]);
  });

  it.each(kustomizations())(
    'reach the gateway container from the ConfigMap of %s, with no unknown name',
    (dir) => {
      const objects = render(dir);
      const container = find(objects, 'Deployment', 'bedrock-gateway').spec.template.spec.containers.find(
        (c: { name: string }) => c.name === 'gateway',
      );
      const configMaps = objects.filter(
        (o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('bedrock-gateway'),
      );
      const referenced = container.envFrom.map(
        (e: { configMapRef: { name: string } }) => e.configMapRef.name,
      );
      const keys = configMaps
        .filter((c) => referenced.includes(c.metadata.name))
        .flatMap((c) => Object.keys(c.data));
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.filter((k) => !names.includes(k) && !FOREIGN.test(k) && !ANNOUNCED.includes(k))).toEqual(
        [],
      );
      expect(keys.filter((k) => KEY_SETTINGS.includes(k))).toEqual([]);
    },
  );
});
