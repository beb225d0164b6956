// Validates Kubernetes objects (a JSON array on stdin) against the published schema of their apiVersion and
// kind: Kubernetes' own OpenAPI schemas compiled by `kubernetes-models`, the prometheus-operator CRDs' schemas
// by `@kubernetes-models/prometheus-operator` (both pinned in package.json, so this works offline).
// An object whose apiVersion/kind has no schema here is an error, never a pass.
// The compiled schemas allow fields they do not know (as the OpenAPI documents do), where the API server's
// strict field validation refuses them: so each object is also type-checked as a TypeScript object literal
// against the same package's interface, whose excess-property check names any unknown field.
// Prints one JSON result per object; exits 1 when any object is invalid.
// ES module on purpose: the model packages ship only ES modules, which Jest's CommonJS runtime cannot load.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');

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

/** Unknown fields per object index, from a virtual TypeScript file with one annotated literal per line. */
function unknownFields(objects) {
  const file = fileURLToPath(new URL('./__rendered-objects__.ts', import.meta.url));
  const lines = objects.map((o, i) => {
    const path = modulePath(o.apiVersion ?? '', o.kind ?? '');
    return `export const o${i}: import(${JSON.stringify(path)}).I${o.kind} = ${JSON.stringify(o)};`;
  });
  const text = lines.join('\n');
  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2022,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang) =>
    name === file ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const found = new Map();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (d.file?.fileName !== file) continue;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    found.set(line, [...(found.get(line) ?? []), message]);
  }
  return found;
}

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = await Promise.all(objects.map(validate));
const strict = unknownFields(objects);
results.forEach((r, i) => {
  // An object without a schema already failed; its missing interface would only repeat that.
  if (r.errors.length === 0 && strict.has(i)) r.errors.push(...strict.get(i));
});
for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
process.exitCode = results.some((r) => r.errors.length > 0) ? 1 : 0;
