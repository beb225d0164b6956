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
