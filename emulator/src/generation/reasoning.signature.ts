import { createHmac, timingSafeEqual } from 'node:crypto';

// A fixed key: signatures must survive emulator restarts so a saved conversation can be replayed.
// Real Claude signatures are opaque; what matters is that any change to the text invalidates them.
const KEY = 'bedrock-emulator/reasoning-signature/v1';

export function signReasoning(text: string): string {
  return createHmac('sha256', KEY).update(text).digest('base64');
}

export function verifyReasoningSignature(text: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signReasoning(text));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
