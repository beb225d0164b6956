/**
 * Where a V8 CPU profile's time went: `node -r ./scripts/register-ts.js bench/tools/profile-summary.ts
 * <file.cpuprofile> [top]`. Prints self time by area (project folder, npm package, Node internals, GC) and the
 * functions with the most self and inclusive time.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The area a frame belongs to: `src/chat`, `@nestjs/core`, `node:internal/streams`, `(garbage collector)`. */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const internal = /^node:(internal\/[^/]+|[^/]+)/.exec(url);
  if (internal) return `node:${internal[1]}`;
  const project = /\/(src|dist\/src)\/([^/]+)/.exec(url);
  if (project) return `src/${project[2].replace(/\.js$|\.ts$/, '')}`;
  return url.replace(/^.*\//, '');
}

/**
 * Where each sample's time belongs, judged from the leaf upwards: the first frame that matches a rule names
 * the layer (so `JSON.parse` called by Fastify's body parser is Fastify, a socket write by undici is the
 * transport). Order matters: more specific rules first.
 */
const LAYERS: [string, RegExp][] = [
  ['transport: SigV4 signing', /request-signer|@smithy\/signature-v4|sha256-hasher/],
  ['transport: HTTP client (undici)', /node_modules\/undici\//],
  ['transport: other (lean/SDK, event stream)', /src\/bedrock\/|@smithy\/|@aws-sdk\//],
  ['SSE writer', /src\/common\/sse\//],
  ['usage + logging', /src\/usage\/|src\/common\/logging\/|console-logger\.service|logger\.service/],
  ['mapping (providers)', /src\/providers\//],
  ['validation', /src\/chat\/validation\/|src\/common\/validation\//],
  ['chat service + controller', /src\/chat\//],
  ['auth guard', /src\/auth\//],
  ['other gateway code', /\/(dist\/)?src\//],
  ['Nest (router, guards, pipes, rxjs)', /@nestjs\/|node_modules\/rxjs\//],
  ['Fastify (routing, hooks, body parsing, reply)', /fastify|find-my-way|secure-json-parse|avvio|middie/],
];
/** Node's own frames count for the closest caller above; only stacks of Node frames alone land here. */
const NODE_LAYER: [string, RegExp] = [
  'Node HTTP server + sockets',
  /^node:(_http|net|internal\/stream_base|internal\/streams|events|internal\/http)/,
];

function layerOf(stack: ProfileNode[]): string {
  const leaf = stack[0]?.callFrame.functionName;
  if (leaf === '(garbage collector)') return 'GC';
  if (leaf === '(idle)') return 'idle';
  for (const node of stack) for (const [name, rule] of LAYERS) if (rule.test(node.callFrame.url)) return name;
  if (stack.some((node) => NODE_LAYER[1].test(node.callFrame.url))) return NODE_LAYER[0];
  return 'other (Node internals, microtask queue, native)';
}

export function summarise(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|dist)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areas = new Map<string, number>();
  const layers = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    total += dt;
    self.set(label(node), (self.get(label(node)) ?? 0) + dt);
    const area = areaOf(node.callFrame.url, node.callFrame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + dt);
    const stack: ProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
      stack.push(byId.get(cur)!);
    const layer = layerOf(stack);
    layers.set(layer, (layers.get(layer) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
    }
  });
  const rows = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return [
    `total ${(total / 1000).toFixed(0)} ms sampled`,
    '\ntime by layer (leaf-most matching frame)',
    rows(layers, 30),
    '\nself time by area',
    rows(areas, 30),
    '\nself time by function',
    rows(self, top),
    '\ninclusive time by function',
    rows(inclusive, top),
  ].join('\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  process.stdout.write(
    `${summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(top ?? 25))}\n`,
  );
}
