import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../errors/api-error';
import { SseReadable, SseSource } from './sse-readable';

/** A source of chunks with a record of how it was used. */
function source<T>(produce: () => AsyncGenerator<T>): SseSource<T> & { cancelled: number; pulled: number } {
  const s = {
    cancelled: 0,
    pulled: 0,
    cancel: () => void s.cancelled++,
    async *[Symbol.asyncIterator]() {
      for await (const chunk of produce()) {
        s.pulled++;
        yield chunk;
      }
    },
  };
  return s;
}

/** Collects what is written, one entry per write. */
function sink(): Writable & { writes: string[] } {
  const writes: string[] = [];
  return Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        writes.push(chunk.toString());
        done();
      },
    }),
    { writes },
  );
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('SseReadable', () => {
  it('frames every chunk, then [DONE], and does not cancel a source that finished', async () => {
    const src = source(async function* () {
      yield { n: 1 };
      yield { n: 2 };
    });
    const out = sink();
    await pipeline(new SseReadable(src, 'r1'), out);
    expect(out.writes.join('')).toBe('data: {"n":1}\n\ndata: {"n":2}\n\ndata: [DONE]\n\n');
    expect(src.cancelled).toBe(0);
  });

  it('writes a burst of chunks that arrive together as one write', async () => {
    const src = source(async function* () {
      for (let i = 0; i < 20; i++) yield { delta: i };
    });
    const out = sink();
    await pipeline(new SseReadable(src, 'r1'), out);
    expect(out.writes).toHaveLength(1);
    expect(out.writes[0].match(/^data: /gm)).toHaveLength(21);
  });

  it('writes chunks that arrive apart as they arrive, without waiting for the next', async () => {
    let release!: () => void;
    const src = source(async function* () {
      yield { first: true };
      await new Promise<void>((resolve) => (release = resolve));
      yield { second: true };
    });
    const out = sink();
    const done = pipeline(new SseReadable(src, 'r1'), out);
    // The first frame must be written while the source still holds the second back (polled: a busy machine
    // can take longer than one timer tick to run the pipeline).
    for (let i = 0; i < 400 && out.writes.length === 0; i++) await tick();
    expect(out.writes).toEqual(['data: {"first":true}\n\n']);
    release();
    await done;
    expect(out.writes.slice(1).join('')).toBe('data: {"second":true}\n\ndata: [DONE]\n\n');
  });

  it('ends with an error frame and no [DONE] when the source fails after the first chunk', async () => {
    const src = source(async function* () {
      yield { n: 1 };
      throw new ApiError(502, 'Bedrock broke.', { code: 'model_stream_error' });
    });
    const out = sink();
    await pipeline(new SseReadable(src, 'r1'), out);
    const text = out.writes.join('');
    expect(text).toContain('data: {"n":1}\n\n');
    expect(text).toContain('"code":"model_stream_error"');
    expect(text).not.toContain('[DONE]');
  });

  it('cancels the source when destroyed before the end (the client left)', async () => {
    const src = source(async function* () {
      yield { n: 1 };
      await new Promise(() => undefined);
    });
    const readable = new SseReadable(src, 'r1');
    readable.on('data', () => readable.destroy());
    await new Promise((resolve) => readable.on('close', resolve));
    expect(src.cancelled).toBe(1);
  });

  it('stops pulling from the source while the consumer pushes back', async () => {
    const src = source(async function* () {
      for (let i = 0; i < 10_000; i++) yield { padding: 'x'.repeat(1_000) };
    });
    const readable = new SseReadable(src, 'r1');
    readable.pause();
    readable.read(0);
    await tick();
    expect(src.pulled).toBeGreaterThan(0);
    expect(src.pulled).toBeLessThan(200);
    readable.destroy();
  });
});

describe('SseReadable keep-alives', () => {
  it('sends a keep-alive comment after each quiet interval, none while chunks flow, and stops at the end', async () => {
    let release!: () => void;
    const src = source(async function* () {
      yield { n: 1 };
      await new Promise<void>((resolve) => (release = resolve));
      yield { n: 2 };
    });
    const out = sink();
    const done = pipeline(new SseReadable(src, 'r1', { keepAliveMs: 20 }), out);
    await new Promise((resolve) => setTimeout(resolve, 150));
    release();
    await done;
    const text = out.writes.join('');
    const keepAlives = text.match(/^: keep-alive\n\n/gm)?.length ?? 0;
    expect(keepAlives).toBeGreaterThanOrEqual(2);
    expect(keepAlives).toBeLessThanOrEqual(8);
    expect(text.startsWith('data: {"n":1}\n\n: keep-alive\n\n')).toBe(true);
    expect(text.endsWith('data: {"n":2}\n\ndata: [DONE]\n\n')).toBe(true);
  });

  it('sends the frame a dialect asks for (Anthropic: event: ping)', async () => {
    let release!: () => void;
    const src = source(async function* () {
      await new Promise<void>((resolve) => (release = resolve));
      yield { n: 1 };
    });
    const out = sink();
    const ping = 'event: ping\ndata: {"type":"ping"}\n\n';
    const done = pipeline(new SseReadable(src, 'r1', { keepAliveMs: 15, keepAliveFrame: ping }), out);
    await new Promise((resolve) => setTimeout(resolve, 40));
    release();
    await done;
    expect(out.writes.join('')).toMatch(/^event: ping\ndata: \{"type":"ping"\}\n\n/);
  });
});
