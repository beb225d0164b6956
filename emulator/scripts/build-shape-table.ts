/**
 * Regenerates emulator/src/validation/shapes.table.json from the official Bedrock Runtime service model.
 * The runtime never reads the service model itself (users' clones don't have it).
 *
 *   node -r ./scripts/register-ts.js emulator/scripts/build-shape-table.ts <service-2.json>
 * (botocore's `botocore/data/bedrock-runtime/2023-09-30/service-2.json`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildShapeTable, type ServiceModel } from './shape-table.builder';

export const EMULATED_OPERATIONS = [
  'Converse',
  'ConverseStream',
  'CountTokens',
  'InvokeModel',
  'InvokeModelWithResponseStream',
];

const input = process.argv[2];
if (!input) {
  console.error('usage: build-shape-table.ts <path to bedrock-runtime service-2.json>');
  process.exit(64);
}
const output = join(__dirname, '..', 'src', 'validation', 'shapes.table.json');
const model = JSON.parse(readFileSync(input, 'utf8')) as ServiceModel;
const source = `botocore bedrock-runtime ${model.metadata.apiVersion} service-2.json`;
const table = buildShapeTable(model, EMULATED_OPERATIONS, source);
writeFileSync(output, JSON.stringify(table, null, 1) + '\n');
console.log(
  `wrote ${Object.keys(table.shapes).length} shapes for ${EMULATED_OPERATIONS.length} operations to ${output}`,
);
