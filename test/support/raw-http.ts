import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The parsed body, when it is JSON. */
  json?: unknown;
}

/**
 * Sends `bytes` as they are over a fresh TCP connection and reads one response: for requests fetch and http
 * refuse to write (unknown methods, malformed framing, invalid UTF-8 in a header, …).
 */
export function rawRequest(
  baseUrl: string,
  bytes: string | Buffer,
  timeoutMs = 10_000,
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const parts: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete response within ${timeoutMs} ms`));
    }, timeoutMs);
    const tryParse = (final: boolean) => {
      const all = Buffer.concat(parts);
      const split = all.indexOf('\r\n\r\n');
      if (split < 0) return final ? fail('connection closed before a response') : undefined;
      const head = all.subarray(0, split).toString('latin1').split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0])?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const rest = all.subarray(split + 4);
      const length = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
      if (length !== undefined && rest.length < length) return final ? fail('body cut short') : undefined;
      if (length === undefined && !final) return undefined;
      const body = rest.subarray(0, length ?? rest.length).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      clearTimeout(timer);
      socket.destroy();
      resolve({ status, headers, body, json });
    };
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(why));
    };
    socket.on('data', (chunk) => {
      parts.push(chunk);
      tryParse(false);
    });
    socket.on('end', () => tryParse(true));
    socket.on('error', () => tryParse(true));
    socket.write(bytes);
  });
}
