import type { EngineResult, RuntimeOperation } from '../engine/engine.types';
import type { EmulatorContext } from '../emulator.context';
import { restJsonError } from '../errors/aws-error';
import type { TerminalFault } from '../faults/fault.types';
import { deliverBody, deliverStream } from '../http/deliver';
import type { Responder } from '../http/responder';
import { sleep } from '../http/sleep';
import type { OutgoingHeaders } from '../transport/exchange.types';

const JSON_HEADERS = { 'content-type': 'application/json' } as const;
const EVENT_STREAM = 'application/vnd.amazon.eventstream';

function runEngine(
  ctx: EmulatorContext,
  operation: RuntimeOperation,
  modelId: string,
  headers: Record<string, string>,
  body: Buffer,
): EngineResult {
  try {
    return ctx.engine.handle({ operation, modelId, headers, body });
  } catch {
    // An engine bug must not look like a transport failure to the client.
    return {
      kind: 'error',
      error: {
        type: 'InternalServerException',
        status: 500,
        message: 'The system encountered an unexpected error during processing. Try your request again.',
      },
    };
  }
}

/** Converse, ConverseStream, InvokeModel, InvokeModelWithResponseStream, CountTokens. */
export async function serveRuntime(
  ctx: EmulatorContext,
  responder: Responder,
  operation: RuntimeOperation,
  modelId: string,
  headers: Record<string, string>,
  body: Buffer,
  terminal: TerminalFault | undefined,
): Promise<void> {
  const result = runEngine(ctx, operation, modelId, headers, body);
  if (result.kind === 'error') {
    const { type, status, message, extra } = result.error;
    return responder.sendError(restJsonError(status, type, { message, ...extra }));
  }

  // Model latency: only a request that reaches the model waits for it; rejections come back at once.
  const latency = ctx.config.latencyMs;
  if (latency > 0 && !(await sleep(latency, responder.signal))) return;

  switch (result.kind) {
    case 'json':
      return deliverBody(
        responder,
        200,
        { ...JSON_HEADERS },
        Buffer.from(JSON.stringify(result.body)),
        terminal,
      );
    case 'raw':
      return deliverBody(responder, 200, { ...JSON_HEADERS, ...result.headers }, result.body, terminal);
    case 'events': {
      const streamHeaders: OutgoingHeaders = { ...result.headers, 'content-type': EVENT_STREAM };
      // IMWRS names the payload type in its own header because content-type is the stream (§2.3, §4.2).
      if (
        operation === 'InvokeModelWithResponseStream' &&
        streamHeaders['x-amzn-bedrock-content-type'] === undefined
      ) {
        streamHeaders['x-amzn-bedrock-content-type'] = 'application/json';
      }
      return deliverStream(responder, {
        events: result.events,
        headers: streamHeaders,
        encoder: ctx.encoder,
        chunkDelayMs: ctx.config.chunkDelayMs,
        terminal,
      });
    }
  }
}
