import type { ChatCapabilities } from '../catalog/catalog.types';
import type { ConverseRequest } from '../engine/converse.types';
import { validationError } from '../engine/engine.errors';

// No public capture of these two messages exists; both follow the wording Bedrock uses for the
// analogous toolChoice and inputSchema.json rejections [UNVERIFIED].
export const NO_STRUCTURED_OUTPUT =
  "This model doesn't support the outputConfig.textFormat field. Remove outputConfig.textFormat and try again.";
export const SCHEMA_INVALID =
  'The format of the value at outputConfig.textFormat.structure.jsonSchema.schema is invalid. Provide a json object for the field and try again.';

function parsesToObjectSchema(schema: string): boolean {
  try {
    const parsed: unknown = JSON.parse(schema);
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      !Array.isArray(parsed) &&
      (parsed as { type?: unknown }).type === 'object'
    );
  } catch {
    return false;
  }
}

/** Native structured output (outputConfig.textFormat) needs a supporting model and an object schema. */
export function checkOutputConfig(chat: ChatCapabilities, request: ConverseRequest): void {
  const format = request.outputConfig?.textFormat;
  if (!format) return;
  if (!chat.structuredOutput) throw validationError(NO_STRUCTURED_OUTPUT);
  const schema = format.structure.jsonSchema?.schema;
  if (schema === undefined || !parsesToObjectSchema(schema)) throw validationError(SCHEMA_INVALID);
}
