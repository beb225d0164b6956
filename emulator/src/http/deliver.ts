import type { StreamEvent } from '../engine/engine.types';
import { camelExceptionName, errorSpecFor } from '../errors/error.defaults';
import type { EventStreamEncoder } from '../eventstream/event-stream.encoder';
import type { StreamErrorFault, TerminalFault } from '../faults/fault.types';
import type { OutgoingHeaders } from '../transport/exchange.types';
import type { Responder } from './responder';
import { sleep } from './sleep';

/**
 * A complete (non-stream) response, unless a stall or drop fault says otherwise. Error faults never get
 * here: they replace the response before it is built.
 */
export async function deliverBody(
  responder: Responder,
  status: number,
  headers: OutgoingHeaders,
  body: Buffer,
  terminal: TerminalFault | undefined,
): Promise<void> {
  if (terminal?.kind === 'stall') {
    headers['content-length'] = body.length;
    responder.head(status, headers);
    return responder.stall();
  }
  if (terminal?.kind === 'drop') {
    headers['content-length'] = body.length;
    responder.head(status, headers);
    await responder.write(body.subarray(0, body.length >> 1));
    return responder.drop();
  }
  return responder.send(status, headers, body);
}

export interface StreamPlan {
  events: readonly StreamEvent[];
  headers: OutgoingHeaders;
  encoder: EventStreamEncoder;
  /** Pause between events (pacing like a real model); 0 writes everything at once. */
  chunkDelayMs: number;
  terminal: TerminalFault | undefined;
}

/** Default K for faults that act mid-stream: after the first event, i.e. genuinely mid-stream. */
const DEFAULT_AFTER_EVENTS: Readonly<Record<TerminalFault['kind'], number>> = {
  'stream-error': 1,
  drop: 1,
  stall: 0,
  error: 0,
};

function exceptionFrame(
  encoder: EventStreamEncoder,
  fault: StreamErrorFault,
): { type: string; frame: Buffer } {
  const type = camelExceptionName(fault.exceptionType ?? 'modelStreamErrorException');
  const spec = errorSpecFor(type, { message: fault.message, extra: fault.extra });
  const body: Record<string, unknown> = { message: spec.message, ...spec.extra };
  if (type === 'modelStreamErrorException' && body.originalMessage === undefined)
    body.originalMessage = spec.message;
  return { type, frame: encoder.encodeException(type, body) };
}

/**
 * An event stream (ConverseStream / InvokeModelWithResponseStream): each event written as soon as it is
 * due, writing stops when the client goes away, and stream faults strike after K events.
 */
export async function deliverStream(responder: Responder, plan: StreamPlan): Promise<void> {
  const { events, encoder, chunkDelayMs, terminal } = plan;
  const stopAt =
    terminal && terminal.kind !== 'error'
      ? Math.min(terminal.afterEvents ?? DEFAULT_AFTER_EVENTS[terminal.kind], events.length)
      : events.length;

  responder.head(200, plan.headers);
  const record = responder.record;

  if (chunkDelayMs <= 0 && responder.sliceBytes === undefined) {
    // Fast path (benchmarks): every event is due now, so they leave in one write.
    if (stopAt > 0)
      await responder.write(
        encoder.encodeEvents(stopAt === events.length ? events : events.slice(0, stopAt)),
      );
    record.streamEvents = stopAt;
  } else {
    for (let i = 0; i < stopAt; i++) {
      if (i > 0 && !(await sleep(chunkDelayMs, responder.signal))) return;
      if (responder.aborted) return;
      await responder.write(encoder.encodeEvent(events[i]));
      record.streamEvents = i + 1;
    }
  }
  if (responder.aborted) return;

  if (terminal?.kind === 'stall') return responder.stall();
  if (terminal?.kind === 'drop') return responder.drop();
  if (terminal?.kind === 'stream-error') {
    const { type, frame } = exceptionFrame(encoder, terminal);
    await responder.write(frame);
    record.streamEvents += 1;
    record.errorType = type;
    return responder.end('error');
  }
  responder.end('completed');
}
