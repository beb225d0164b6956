import type { ValidateFunction } from 'ajv';

/**
 * How a request's `response_format` is carried out, decided while building the Bedrock request and used
 * again when mapping the answer:
 * - `native`: Bedrock's own structured output (Converse `outputConfig.textFormat`);
 * - `tool`: one tool whose input schema is the requested schema, forced; its input becomes the content;
 * - `instruction`: the schema given to the model as an instruction (models that cannot be forced to a tool).
 * In every case the answer is checked against the schema before the client sees it.
 */
export interface StructuredOutputPlan {
  via: 'native' | 'tool' | 'instruction';
  /** Name of the response tool (via `tool`). */
  toolName?: string;
  validate: ValidateFunction;
  /** `strict: true` (or json_object): an answer that does not match is an error, not a result. */
  strict: boolean;
}
