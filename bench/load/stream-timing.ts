import { request } from 'node:http';
import { agent } from '../lib/http';
import { distribution, Distribution } from '../lib/stats';

/**
 * Time to first byte (the response head) and to the first content delta of streamed answers, one request at a
 * time on a keep-alive connection, so nothing but the path under test is in the figure. The same client reads
 * the gateway's SSE and, for the floor, Bedrock's event stream straight from the emulator.
 */
export interface TimingRun {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  samples: number;
  /** True once the bytes received so far contain a content delta. */
  hasDelta: (received: string) => boolean;
}

export interface TimingResult {
  ttfbMs: Distribution;
  ttfdMs: Distribution;
  errors: number;
}

/** SSE from the gateway: a chunk whose delta carries non-empty content. */
export const sseDelta = (received: string) => /"content":"[^"]/.test(received);
/** Bedrock event stream: a `contentBlockDelta` event header. */
export const eventStreamDelta = (received: string) => received.includes('contentBlockDelta');

function once(run: TimingRun, payload: string): Promise<{ ttfb: number; ttfd: number } | undefined> {
  return new Promise((resolve) => {
    const start = performance.now();
    let ttfb = NaN;
    let ttfd = NaN;
    let received = '';
    const req = request(run.url, { method: 'POST', agent, headers: run.headers }, (res) => {
      ttfb = performance.now() - start;
      res.setEncoding('latin1');
      res.on('data', (chunk: string) => {
        if (!Number.isNaN(ttfd)) return;
        received += chunk;
        if (run.hasDelta(received)) ttfd = performance.now() - start;
      });
      res.on('end', () =>
        resolve(res.statusCode === 200 && !Number.isNaN(ttfd) ? { ttfb, ttfd } : undefined),
      );
      res.on('error', () => resolve(undefined));
    });
    req.on('error', () => resolve(undefined));
    req.end(payload);
  });
}

export async function streamTiming(run: TimingRun): Promise<TimingResult> {
  const payload = JSON.stringify(run.body);
  const ttfb: number[] = [];
  const ttfd: number[] = [];
  let errors = 0;
  for (let i = 0; i < run.samples; i++) {
    const t = await once(run, payload);
    if (!t) errors++;
    else {
      ttfb.push(t.ttfb);
      ttfd.push(t.ttfd);
    }
  }
  return { ttfbMs: distribution(ttfb), ttfdMs: distribution(ttfd), errors };
}
