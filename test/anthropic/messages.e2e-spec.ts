import type Anthropic from '@anthropic-ai/sdk';
import { mark } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { anthropicClient, nativeCall, SONNET_45, SONNET_45_PROFILE } from './anthropic.harness';

let gw: TestGateway;
let client: Anthropic;

beforeAll(async () => {
  gw = await startTestGateway();
  client = anthropicClient(gw);
});
afterAll(() => gw.close());

describe('POST /v1/messages with the official Anthropic SDK (Claude through native InvokeModel)', () => {
  it('answers a text request with the emulator’s answer and sends Bedrock a native Claude body', async () => {
    const since = mark(gw.emulator);
    const message = await client.messages.create({
      model: SONNET_45,
      max_tokens: 256,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Say hello to the gateway' }],
    });
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: SONNET_45,
      stop_reason: 'end_turn',
    });
    expect(message.content[0]).toMatchObject({ type: 'text', text: expect.stringContaining('hello') });
    const call = nativeCall(gw, since);
    expect(call.operation).toBe('InvokeModel');
    expect(call.modelId).toBe(SONNET_45_PROFILE);
    expect(call.body).toEqual({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 256,
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [{ role: 'user', content: 'Say hello to the gateway' }],
    });
  });
});
