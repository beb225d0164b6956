import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { hash } from 'node:crypto';
import type { AwsCredentialIdentityProvider, HttpRequest } from '@smithy/types';
import { Sha256Hasher } from './sha256-hasher';

/** What is signed: one runtime request. Header names are lower-case. */
export interface UnsignedRequest {
  method: string;
  host: string;
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** Adds the authentication headers to a request. */
export interface RequestSigner {
  sign(request: UnsignedRequest, signingDate?: Date): Promise<Record<string, string>>;
}

/**
 * SigV4 with AWS's own signer (`@smithy/signature-v4`, as the SDK client uses it: service `bedrock`, path
 * escaping on, `x-amz-content-sha256` added) over Node's native SHA-256 ({@link Sha256Hasher}). Credentials
 * come from the SDK's default provider chain — environment, shared files, web identity (Kubernetes service
 * accounts), ECS task role, instance profile — which caches them and refreshes temporary ones five minutes
 * before they expire.
 */
export class SigV4Signer implements RequestSigner {
  private readonly signer: SignatureV4;

  constructor(region: string, credentials: AwsCredentialIdentityProvider) {
    this.signer = new SignatureV4({ service: 'bedrock', region, credentials, sha256: Sha256Hasher });
  }

  static fromDefaultChain(region: string): SigV4Signer {
    return new SigV4Signer(region, defaultProvider({ parentClientConfig: { region } }));
  }

  async sign(request: UnsignedRequest, signingDate?: Date): Promise<Record<string, string>> {
    const toSign = {
      method: request.method,
      protocol: 'https:',
      hostname: request.host,
      path: request.path,
      query: {},
      // The body's hash precomputed (native hex): the signer then takes it from the header it would add anyway.
      headers: {
        ...request.headers,
        host: request.host,
        'x-amz-content-sha256': hash('sha256', request.body, 'hex'),
      },
      body: request.body,
    } as HttpRequest;
    const signed = await this.signer.sign(toSign, { signingDate });
    return signed.headers;
  }
}

/**
 * Bedrock API keys: with `AWS_BEARER_TOKEN_BEDROCK` set the SDK sends `Authorization: Bearer <key>` instead of
 * SigV4 (docs/bedrock-protocol.md §1.2), and so does this transport.
 */
export class BearerSigner implements RequestSigner {
  constructor(private readonly token: string) {}

  sign(request: UnsignedRequest): Promise<Record<string, string>> {
    return Promise.resolve({ ...request.headers, host: request.host, authorization: `Bearer ${this.token}` });
  }
}
