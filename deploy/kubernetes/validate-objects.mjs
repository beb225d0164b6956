// Validates Kubernetes objects (a JSON array on stdin) against the published schema of their apiVersion and
// kind: Kubernetes' own OpenAPI schemas compiled by `kubernetes-models`, the prometheus-operator CRDs' schemas
// by `@kubernetes-models/prometheus-operator` (both pinned in package.json, so this works offline).
// An object whose apiVersion/kind has no schema here is an error, never a pass.
// Prints one JSON result per object; exits 1 when any object is invalid.
// ES module on purpose: the model packages ship only ES modules, which Jest's CommonJS runtime cannot load.
import { readFileSync } from 'node:fs';

const CRD_PACKAGES = {
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator/monitoring.coreos.com',
};

function modulePath(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const pkg = CRD_PACKAGES[group] ?? (group ? `kubernetes-models/${group}` : 'kubernetes-models');
  return `${pkg}/${version}/${kind}`;
}

async function validate(object) {
  const { apiVersion = '', kind = '', metadata = {} } = object;
  const id = { apiVersion, kind, name: metadata.name };
  let Model;
  try {
    Model = (await import(modulePath(apiVersion, kind)))[kind];
  } catch {
    Model = undefined;
  }
  if (typeof Model !== 'function') return { ...id, errors: [`no schema known for ${apiVersion} ${kind}`] };
  try {
    new Model(object).validate();
    return { ...id, errors: [] };
  } catch (err) {
    const details = err.details?.map((d) => `${d.instancePath || '/'} ${d.message}`);
    return { ...id, errors: details?.length ? details : [String(err.message)] };
  }
}

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = await Promise.all(objects.map(validate));
for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
process.exitCode = results.some((r) => r.errors.length > 0) ? 1 : 0;
