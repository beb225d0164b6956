import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { getEndpointFromInstructions } from '@smithy/core/endpoints';
import { extendedEncodeURIComponent } from '@smithy/core/protocols';

/** Where Bedrock's runtime lives for this process, as the SDK would resolve it. */
export interface RuntimeEndpoint {
  /** `https://bedrock-runtime.us-east-1.amazonaws.com` or a configured endpoint URL. */
  origin: string;
  /** Host header value (and SigV4 `host`): hostname plus a non-default port. */
  host: string;
  /** A configured endpoint's path, prepended to every operation path (docs/bedrock-protocol.md §1.2); '' for none. */
  basePath: string;
}

/**
 * Resolves the runtime endpoint with the SDK's own code rather than a copy of its rules (docs/bedrock-protocol.md §1.2):
 * `AWS_ENDPOINT_URL_BEDROCK_RUNTIME`, then `AWS_ENDPOINT_URL`, then the shared config file's `services`
 * section or profile `endpoint_url`, all switched off by `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`; otherwise the
 * service's endpoint rule set for the region (`https://bedrock-runtime.<region>.amazonaws.com`, FIPS and
 * dual-stack variants through their usual settings). A throwaway SDK client supplies the configuration.
 */
export async function resolveRuntimeEndpoint(region: string): Promise<RuntimeEndpoint> {
  const client = new BedrockRuntimeClient({ region });
  try {
    const config = client.config as unknown as Parameters<typeof getEndpointFromInstructions>[2];
    const endpoint = await getEndpointFromInstructions({ modelId: 'm' }, ConverseCommand, config);
    const url = new URL(endpoint.url.href);
    return { origin: url.origin, host: url.host, basePath: url.pathname.replace(/\/+$/, '') };
  } finally {
    client.destroy();
  }
}

/** Encoded model ids, by id: a gateway calls few models, and each is encoded once. Bounded all the same. */
const encoded = new Map<string, string>();
const MAX_ENCODED = 1_000;

/** `/model/{modelId}/{operation}` with the id as one percent-encoded path segment, as the SDK encodes it (§1.5). */
export function modelPath(endpoint: RuntimeEndpoint, modelId: string, operation: string): string {
  let segment = encoded.get(modelId);
  if (segment === undefined) {
    segment = extendedEncodeURIComponent(modelId);
    if (encoded.size >= MAX_ENCODED) encoded.clear();
    encoded.set(modelId, segment);
  }
  return `${endpoint.basePath}/model/${segment}/${operation}`;
}
