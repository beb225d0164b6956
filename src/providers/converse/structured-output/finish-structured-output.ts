import { ApiError } from '../../../common/errors/api-error';
import { describeErrors } from './json-schema.compiler';
import type { StructuredOutputPlan } from './structured-output.plan';

/** A model told in words to answer in JSON may still wrap it in a Markdown code fence; the fence is not the answer. */
const FENCED = /^```(?:json)?\s*\n?([\s\S]*?)\n?```$/i;

const invalid = (detail: string) =>
  new ApiError(502, `The model's structured output ${detail}.`, {
    type: 'upstream_error',
    code: 'structured_output_invalid',
  });

/**
 * The content to give the client for a structured-output answer, checked against the requested schema.
 * With `strict` (and for json_object) an answer that does not parse or match is an error rather than a
 * result the client would trust; otherwise it is passed on as the model gave it. An answer the token limit
 * or a stop sequence cut short is passed on unchecked, as OpenAI does: the finish reason tells the client.
 */
export function finishStructuredOutput(text: string, plan: StructuredOutputPlan, cutShort = false): string {
  if (cutShort) return text;
  const candidate = plan.via === 'instruction' ? (FENCED.exec(text.trim())?.[1] ?? text).trim() : text;
  let value: unknown;
  try {
    value = JSON.parse(candidate);
  } catch {
    if (plan.strict) throw invalid('is not valid JSON');
    return text;
  }
  if (!plan.validate(value) && plan.strict)
    throw invalid(`does not match the schema: ${describeErrors(plan.validate)}`);
  return candidate;
}
