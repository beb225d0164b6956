import type { ReasoningContentBlock } from '@aws-sdk/client-bedrock-runtime';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { invalidRequest } from '../../../common/errors/api-error';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER = 1 + IV_BYTES + TAG_BYTES;

/** What a sealed reasoning item carries: Claude's signed thinking, or its redacted (encrypted) form. */
interface SealedPayload {
  t?: string;
  s?: string;
  r?: string;
}

/** The 32-byte AES key from RESPONSES_ENCRYPTION_KEY (any secret of 32+ characters), via HKDF-SHA256. */
export function deriveSealKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'bedrock-gateway', 'responses reasoning v1', 32));
}

/**
 * Seals reasoning for `encrypted_content` (Responses with `store: false` keep the model's thinking on the
 * client): AES-256-GCM over the reasoning block, bound to the API key name that received it (additional
 * authenticated data), so a client can neither read Claude's signature nor forge or edit the block, and one
 * team cannot replay another's. Opening anything else is a 400, as Bedrock would reject a forged signature.
 */
export class ReasoningSealer {
  constructor(private readonly key: Buffer) {}

  static withRandomKey(): ReasoningSealer {
    return new ReasoningSealer(randomBytes(32));
  }

  seal(block: ReasoningContentBlock, owner: string): string {
    const payload: SealedPayload = block.redactedContent
      ? { r: Buffer.from(block.redactedContent).toString('base64') }
      : { t: block.reasoningText?.text ?? '', s: block.reasoningText?.signature };
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(owner));
    const body = Buffer.concat([cipher.update(JSON.stringify(payload)), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(sealed: string, owner: string, param: string): ReasoningContentBlock {
    const raw = Buffer.from(sealed, 'base64');
    if (raw.length <= HEADER || raw[0] !== VERSION) throw unreadable(param);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(1, 1 + IV_BYTES));
      decipher.setAAD(Buffer.from(owner));
      decipher.setAuthTag(raw.subarray(1 + IV_BYTES, HEADER));
      const json = Buffer.concat([decipher.update(raw.subarray(HEADER)), decipher.final()]).toString();
      const p = JSON.parse(json) as SealedPayload;
      if (p.r !== undefined) return { redactedContent: Buffer.from(p.r, 'base64') };
      return { reasoningText: { text: p.t ?? '', ...(p.s ? { signature: p.s } : {}) } };
    } catch {
      throw unreadable(param);
    }
  }
}

const unreadable = (param: string) =>
  invalidRequest(
    `The encrypted content in '${param}' could not be verified: it was not issued by this gateway for this API key, or it was modified.`,
    param,
    'invalid_encrypted_content',
  );
