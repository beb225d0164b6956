import { existsSync, readFileSync } from 'node:fs';
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

const SERVICE_MODEL = '/work/shared/specs/bedrock-runtime.service-2.json';
const ops = Object.keys(committed.operations);

// Only where the official model is available (not on a user's clone): the committed table must be current.
(existsSync(SERVICE_MODEL) ? it : it.skip)('matches the committed shapes.table.json', () => {
  const model = JSON.parse(readFileSync(SERVICE_MODEL, 'utf8')) as ServiceModel;
  expect(buildShapeTable(model, ops, committed.source)).toEqual(committed);
});
