import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A rendered Kubernetes object, loosely typed: the schema validation is validate-objects.mjs's job. */
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; [k: string]: any };
  [k: string]: any;
};

export const KUBERNETES_DIR = __dirname;

/** The base and every overlay directory, so an overlay added later is rendered and checked too. */
export function kustomizations(): string[] {
  const overlays = join(KUBERNETES_DIR, 'overlays');
  const found = existsSync(overlays)
    ? readdirSync(overlays, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(overlays, e.name, 'kustomization.yaml')))
        .map((e) => `overlays/${e.name}`)
    : [];
  return ['base', ...found.sort()];
}

/** `kubectl kustomize`: kubectl 1.27 or later (kustomize v5), as on this project's machines. */
export function render(dir: string): K8sObject[] {
  let yaml: string;
  try {
    yaml = execFileSync('kubectl', ['kustomize', join(KUBERNETES_DIR, dir)], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (err) {
    const e = err as { code?: string; stderr?: string };
    throw new Error(
      e.code === 'ENOENT'
        ? 'kubectl is not installed: the Kubernetes manifests are rendered with `kubectl kustomize` (kubectl 1.27+)'
        : `kubectl kustomize ${dir} failed: ${e.stderr}`,
    );
  }
  return parseAllDocuments(yaml)
    .map((d) => d.toJSON() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

export interface SchemaResult {
  apiVersion: string;
  kind: string;
  name: string;
  errors: string[];
}

/** Each object checked against its apiVersion/kind's schema by validate-objects.mjs (a separate Node process). */
export function validateSchemas(objects: K8sObject[]): SchemaResult[] {
  const run = spawnSync(process.execPath, [join(KUBERNETES_DIR, 'validate-objects.mjs')], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
  });
  if (run.stdout.trim() === '') throw new Error(`validate-objects.mjs failed: ${run.stderr}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as SchemaResult);
}

export const find = (objects: K8sObject[], kind: string, name: string): K8sObject => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the rendered objects`);
  return found;
};
