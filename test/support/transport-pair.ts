import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Pool } from 'undici';
import { BedrockHttp } from '../../src/bedrock/lean/bedrock-http';
import { LeanBedrockClient } from '../../src/bedrock/lean/lean-bedrock-client';
import { SigV4Signer } from '../../src/bedrock/lean/request-signer';
import { RetryPolicy } from '../../src/bedrock/lean/retry-policy';
import type { RuntimeEndpoint } from '../../src/bedrock/lean/runtime-endpoint';
import type { BedrockClient } from '../../src/bedrock/bedrock-client';
import { SdkBedrockClient } from '../../src/bedrock/sdk-bedrock-client';
import { CannedBedrock } from './canned-bedrock';

export const TEST_CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
export const TEST_REGION = 'us-east-1';

/** Both transports pointed at one URL with fixed credentials: the stock SDK client over HTTP/1.1, and lean. */
export function transportPair(
  url: string,
  maxAttempts = 1,
): { sdk: SdkBedrockClient; lean: LeanBedrockClient } {
  const sdk = new SdkBedrockClient(
    new BedrockRuntimeClient({
      region: TEST_REGION,
      endpoint: url,
      credentials: TEST_CREDENTIALS,
      maxAttempts,
      requestHandler: new NodeHttpHandler(),
    }),
  );
  const parsed = new URL(url);
  const endpoint: RuntimeEndpoint = { origin: parsed.origin, host: parsed.host, basePath: '' };
  const signer = new SigV4Signer(TEST_REGION, async () => TEST_CREDENTIALS);
  const http = new BedrockHttp(endpoint, signer, new Pool(parsed.origin), new RetryPolicy(maxAttempts));
  return { sdk, lean: new LeanBedrockClient(http, endpoint) };
}

export interface CannedPair {
  canned: CannedBedrock;
  sdk: BedrockClient;
  lean: BedrockClient;
}

/** Jest hooks: one canned server and both transports on it for the whole file. Read the fields inside tests. */
export function useCannedPair(): CannedPair {
  const pair = {} as CannedPair;
  beforeAll(async () => {
    pair.canned = await CannedBedrock.start();
    Object.assign(pair, transportPair(pair.canned.url));
  });
  afterAll(async () => {
    pair.sdk.destroy();
    pair.lean.destroy();
    await pair.canned.close();
  });
  return pair;
}
