import { invalidRequest } from '../../../common/errors/api-error';
import type { StructuredOutputIntent } from '../../../inference/inference-request';
import type { ResponseCreateRequest } from '../dto/responses-request.types';

/** `text.format` → the structured-output intent, as chat's `response_format` maps. */
export function mapTextFormat(req: ResponseCreateRequest): StructuredOutputIntent | undefined {
  const format = req.text?.format;
  if (!format || format.type === 'text') return undefined;
  if (format.type === 'json_object') return { name: 'json_object', schema: { type: 'object' }, strict: true };
  if (format.schema.type !== undefined && format.schema.type !== 'object') {
    throw invalidRequest(
      "Invalid 'text.format.schema': the root must be an object schema.",
      'text.format.schema',
      'invalid_json_schema',
    );
  }
  return {
    name: format.name,
    ...(format.description ? { description: format.description } : {}),
    schema: format.schema,
    strict: format.strict === true,
  };
}
