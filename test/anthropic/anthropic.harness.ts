import Anthropic from '@anthropic-ai/sdk';
import type { RequestLogEntry } from '../../emulator/src';
import { runtimeRequests } from '../support/emulator-log';
import { TEST_KEY, TestGateway } from '../support/gateway.harness';

export const SONNET_45 = 'claude-sonnet-4-5-20250929';
export const SONNET_45_PROFILE = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
export const HAIKU_3 = 'claude-3-haiku-20240307';

/** The official Anthropic client against the gateway (no retries: tests see each response). */
export function anthropicClient(
  gw: TestGateway,
  options: { apiKey?: string; authToken?: string } = {},
): Anthropic {
  return new Anthropic({
    apiKey: options.authToken ? null : (options.apiKey ?? TEST_KEY),
    authToken: options.authToken ?? null,
    baseURL: gw.url,
    maxRetries: 0,
  });
}

/** The one native Claude call that reached the emulator since `since`. */
export function nativeCall(
  gw: TestGateway,
  since: number,
): RequestLogEntry & { body: Record<string, unknown> } {
  const calls = runtimeRequests(gw.emulator, since);
  if (calls.length !== 1)
    throw new Error(`expected one runtime call, saw ${calls.map((c) => c.operation).join(', ')}`);
  return calls[0] as RequestLogEntry & { body: Record<string, unknown> };
}

export const weatherTool = {
  name: 'get_weather',
  description: 'Weather for a city',
  input_schema: {
    type: 'object' as const,
    properties: { city: { type: 'string' } },
    required: ['city'],
  },
};

/** A streamed Messages request with fetch, to see the raw SSE frames the SDK hides (`ping`, framing). */
export async function rawMessagesStream(
  gw: TestGateway,
  path = '/v1/messages',
): Promise<{ response: Response; frames: string[] }> {
  const response = await fetch(`${gw.url}${path}`, {
    method: 'POST',
    headers: { 'x-api-key': TEST_KEY, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
    body: JSON.stringify({
      model: SONNET_45,
      max_tokens: 64,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    }),
  });
  return { response, frames: (await response.text()).split('\n\n').filter(Boolean) };
}
