/**
 * Bedrock's rejections as data (name, operation, model, request, expected status, exception and message,
 * source), by concern. rejections.spec.ts runs them against the engine, rejections.sdk.spec.ts through the
 * real AWS SDK against the running emulator.
 */
import { ACCESS_REJECTIONS } from './rejections/access.cases';
import { CONVERSATION_REJECTIONS } from './rejections/conversation.cases';
import { FAMILIES_REJECTIONS } from './rejections/families.cases';
import { THINKING_REJECTIONS } from './rejections/thinking.cases';
import { CONTENT_REJECTIONS } from './rejections/content.cases';
import { NATIVE_REJECTIONS } from './rejections/native.cases';
import { LIMITS_REJECTIONS } from './rejections/limits.cases';

export { PNG_B64, type RejectionCase } from './rejections/rejection-helpers';

export const REJECTIONS = [
  ...ACCESS_REJECTIONS,
  ...CONVERSATION_REJECTIONS,
  ...FAMILIES_REJECTIONS,
  ...THINKING_REJECTIONS,
  ...CONTENT_REJECTIONS,
  ...NATIVE_REJECTIONS,
  ...LIMITS_REJECTIONS,
];
