import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildShapeTable, type ServiceModel } from './shape-table.builder';
import committed from '../src/validation/shapes.table.json';

const tiny: ServiceModel = {
  metadata: { apiVersion: 'test' },
  operations: { Op: { input: { shape: 'OpRequest' } } },
  shapes: {
    OpRequest: {
      type: 'structure',
      required: ['id', 'items'],
      members: {
        id: { shape: 'Id', location: 'uri', locationName: 'id' },
        trace: { shape: 'Trace', location: 'header', locationName: 'X-Trace' },
        items: { shape: 'Items' },
        extra: { shape: 'Doc' },
      },
    },
    Id: { type: 'string', min: 1, pattern: '[a-z]+' },
    Trace: { type: 'string', enum: ['ON', 'OFF'] },
    Items: { type: 'list', member: { shape: 'Item' }, max: 3 },
    Item: { type: 'structure', union: true, members: { a: { shape: 'Text' }, b: { shape: 'Doc' } } },
    Text: { type: 'string', pattern: '[\\s\\S]*' },
    Doc: { type: 'structure', document: true, members: {} },
  },
};

describe('buildShapeTable', () => {
  const table = buildShapeTable(tiny, ['Op'], 'tiny');

  it('separates URI labels and headers from body members', () => {
    expect(table.operations.Op).toEqual({
      input: 'OpRequest',
      labels: { id: 'Id' },
      headers: { trace: ['x-trace', 'Trace'] },
    });
    expect(table.shapes.OpRequest).toEqual({
      type: 'structure',
      members: { items: 'Items', extra: 'Doc' },
      required: ['items'],
    });
  });

  it('keeps constraints, marks unions and documents, and drops patterns that accept everything', () => {
    expect(table.shapes.Items).toEqual({ type: 'list', member: 'Item', max: 3 });
    expect(table.shapes.Item).toEqual({ type: 'union', members: { a: 'Text', b: 'Doc' } });
    expect(table.shapes.Doc).toEqual({ type: 'document' });
    expect(table.shapes.Text).toEqual({ type: 'string' });
    expect(table.shapes.Id).toEqual({ type: 'string', min: 1, pattern: '[a-z]+' });
  });
});

/**
 * The official service model, where a checkout of the project's shared material sits beside the repository
 * (`shared/specs/` in the repository's parent or grandparent folder): then the committed table must be
 * exactly what the builder makes of it, constraints included.
 */
function findServiceModel(): string | undefined {
  for (const up of ['..', join('..', '..')]) {
    const candidate = join(__dirname, '..', '..', up, 'shared', 'specs', 'bedrock-runtime.service-2.json');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
const ops = Object.keys(committed.operations);
const serviceModel = findServiceModel();

(serviceModel ? it : it.skip)('matches the committed shapes.table.json (official service model)', () => {
  const model = JSON.parse(readFileSync(serviceModel!, 'utf8')) as ServiceModel;
  expect(buildShapeTable(model, ops, committed.source)).toEqual(committed);
});

type SdkSchema = [number, string, string, unknown, string[], ...unknown[]];

// Everywhere (CI, every clone): the service model the installed AWS SDK carries (its member lists of every
// structure and union) must agree with the committed table — a Bedrock API change picked up by an SDK upgrade
// shows here as a member the table lacks or one it has that Bedrock no longer knows.
it('agrees with the service model the installed @aws-sdk/client-bedrock-runtime carries', () => {
  const sdk = require('@aws-sdk/client-bedrock-runtime') as Record<string, unknown>;
  // Members bound to the URI, headers or the raw payload (InvokeModel's `body`) are not body shapes.
  const bound = new Set([
    'body',
    ...Object.values(committed.operations).flatMap((op) => [
      ...Object.keys(op.labels),
      ...Object.keys(op.headers),
    ]),
  ]);
  let compared = 0;
  for (const [name, shape] of Object.entries(committed.shapes) as [
    string,
    { type: string; members?: Record<string, string> },
  ][]) {
    if (shape.type !== 'structure' && shape.type !== 'union') continue;
    const schema = sdk[`${name}$`] as SdkSchema | undefined;
    if (!Array.isArray(schema)) continue;
    compared++;
    const sdkMembers = schema[4];
    const tableMembers = Object.keys(shape.members ?? {});
    expect({ name, unknownToSdk: tableMembers.filter((m) => !sdkMembers.includes(m)) }).toEqual({
      name,
      unknownToSdk: [],
    });
    expect({ name, missing: sdkMembers.filter((m) => !tableMembers.includes(m) && !bound.has(m)) }).toEqual({
      name,
      missing: [],
    });
  }
  // Most structures and unions are exported by the SDK; a handful are enough to make the check meaningful.
  expect(compared).toBeGreaterThan(30);
});
