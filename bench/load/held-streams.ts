import { request } from 'node:http';
import { agent } from '../lib/http';
import { rssMiB } from '../lib/proc';

/**
 * Opens N slow streams at once (the emulator paces their events) and holds them all to the end, sampling the
 * gateway's resident memory meanwhile. A stream counts as complete when it ends with `data: [DONE]`.
 */
export interface HeldRun {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  streams: number;
  gatewayPid: number;
}

export interface HeldResult {
  streams: number;
  completed: number;
  peakRssMiB: number;
  wallMs: number;
}

function one(run: HeldRun, payload: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(run.url, { method: 'POST', agent, headers: run.headers }, (res) => {
      let tail = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (tail = (tail + chunk).slice(-32)));
      res.on('end', () => resolve(res.statusCode === 200 && tail.endsWith('data: [DONE]\n\n')));
      res.on('error', () => resolve(false));
    });
    req.on('error', () => resolve(false));
    req.end(payload);
  });
}

export async function heldStreams(run: HeldRun): Promise<HeldResult> {
  const payload = JSON.stringify(run.body);
  let peak = rssMiB(run.gatewayPid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(run.gatewayPid))), 20);
  const start = performance.now();
  const results = await Promise.all(Array.from({ length: run.streams }, () => one(run, payload)));
  const wallMs = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, rssMiB(run.gatewayPid));
  return { streams: run.streams, completed: results.filter(Boolean).length, peakRssMiB: peak, wallMs };
}
