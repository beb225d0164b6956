import { createHash } from 'node:crypto';

/**
 * Bedrock tool-use ids look like `tooluse_` + 22 URL-safe characters. Ours are a hash of the request
 * body and the call's position, so the same request always yields the same ids.
 */
export function toolUseId(requestBody: Buffer | string, index: number): string {
  const digest = createHash('sha256').update(requestBody).update(`#${index}`).digest('base64url');
  return `tooluse_${digest.slice(0, 22)}`;
}
