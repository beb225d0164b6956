import { getBearerTokenEnvKey } from '@aws-sdk/core';
import { Pool } from 'undici';
import { BedrockHttp } from './bedrock-http';
import { LeanBedrockClient } from './lean-bedrock-client';
import { BearerSigner, SigV4Signer } from './request-signer';
import { RetryPolicy } from './retry-policy';
import { resolveRuntimeEndpoint } from './runtime-endpoint';

export interface LeanTransportOptions {
  region: string;
  maxAttempts: number;
  maxConnections: number;
}

/**
 * Builds the lean transport from the same configuration the SDK reads: endpoint and region as the SDK resolves
 * them, SigV4 credentials from its default chain — or, when `AWS_BEARER_TOKEN_BEDROCK` is set (the SDK's own
 * variable for Bedrock API keys, docs/bedrock-protocol.md §1.2), that bearer token.
 */
export async function createLeanBedrockClient(options: LeanTransportOptions): Promise<LeanBedrockClient> {
  const endpoint = await resolveRuntimeEndpoint(options.region);
  const token = process.env[getBearerTokenEnvKey('bedrock')];
  const signer = token ? new BearerSigner(token) : SigV4Signer.fromDefaultChain(options.region);
  const pool = new Pool(endpoint.origin, {
    connections: options.maxConnections,
    pipelining: 1,
    // Calls and streams are timed by the gateway itself (UPSTREAM_TIMEOUT_MS, STREAM_IDLE_TIMEOUT_MS);
    // undici's own 300 s defaults would cut long generations short.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const http = new BedrockHttp(endpoint, signer, pool, new RetryPolicy(options.maxAttempts));
  return new LeanBedrockClient(http, endpoint);
}
