import type { EngineResult, RuntimeRequest, StreamEvent } from '../../src/engine/engine.types';
import type { EmulatorEngine } from '../../src/emulator.types';

/**
 * A test double for the model engine: just enough behaviour to exercise the protocol layer (framing,
 * faults, logging) without depending on the engine's rules. Replies echo the last user text.
 */
export const STAND_IN_KNOWN_MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
export const STAND_IN_WORDS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];

function lastText(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as {
      messages?: { content?: { text?: string }[] }[];
      inputText?: string;
    };
    return parsed.inputText ?? parsed.messages?.at(-1)?.content?.[0]?.text ?? '';
  } catch {
    return '';
  }
}

const usage = { inputTokens: 3, outputTokens: STAND_IN_WORDS.length, totalTokens: 3 + STAND_IN_WORDS.length };

function converseEvents(): StreamEvent[] {
  return [
    { eventType: 'messageStart', payload: { role: 'assistant' } },
    ...STAND_IN_WORDS.map((word, i) => ({
      eventType: 'contentBlockDelta',
      payload: { contentBlockIndex: 0, delta: { text: i === 0 ? word : ` ${word}` } },
    })),
    { eventType: 'contentBlockStop', payload: { contentBlockIndex: 0 } },
    { eventType: 'messageStop', payload: { stopReason: 'end_turn' } },
    { eventType: 'metadata', payload: { usage, metrics: { latencyMs: 1 } } },
  ];
}

function chunk(obj: unknown): StreamEvent {
  return { eventType: 'chunk', payload: { bytes: Buffer.from(JSON.stringify(obj)).toString('base64') } };
}

export function createStandInEngine(): EmulatorEngine & { calls: RuntimeRequest[] } {
  const calls: RuntimeRequest[] = [];
  return {
    calls,
    state: { cachePrefixes: new Map() },
    handle(req: RuntimeRequest): EngineResult {
      calls.push(req);
      if (req.modelId !== STAND_IN_KNOWN_MODEL) {
        return {
          kind: 'error',
          error: {
            type: 'ValidationException',
            status: 400,
            message: 'The provided model identifier is invalid.',
          },
        };
      }
      switch (req.operation) {
        case 'Converse':
          return {
            kind: 'json',
            body: {
              output: { message: { role: 'assistant', content: [{ text: `echo: ${lastText(req.body)}` }] } },
              stopReason: 'end_turn',
              usage,
              metrics: { latencyMs: 1 },
            },
          };
        case 'ConverseStream':
          return { kind: 'events', events: converseEvents(), headers: {} };
        case 'InvokeModel':
          return {
            kind: 'raw',
            body: Buffer.from(JSON.stringify({ outputText: `echo: ${lastText(req.body)}` })),
            headers: {
              'content-type': 'application/json',
              'x-amzn-bedrock-input-token-count': '3',
              'x-amzn-bedrock-output-token-count': '2',
            },
          };
        case 'InvokeModelWithResponseStream':
          return { kind: 'events', events: STAND_IN_WORDS.map((w) => chunk({ outputText: w })), headers: {} };
        case 'CountTokens':
          return { kind: 'json', body: { inputTokens: 7 } };
      }
    },
  };
}
