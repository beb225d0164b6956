/**
 * The floor, part (b): a minimal Node relay — it takes a Converse request over keep-alive HTTP, signs it with
 * SigV4 and forwards it over a keep-alive agent to the emulator, and pipes the answer back. No validation, no
 * mapping: the least a signing proxy in Node can do per call. Prints `RELAY_URL <url>`.
 * argv[2]: the emulator URL; credentials and region from the environment.
 */
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

const upstream = new URL(process.argv[2]);
const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
const signer = new SignatureV4({
  service: 'bedrock',
  region: process.env.AWS_REGION ?? 'us-east-1',
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'x',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'x',
  },
  sha256: Sha256,
});

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const unsigned = {
      method: 'POST',
      protocol: 'http:',
      hostname: upstream.hostname,
      path: req.url ?? '/',
      query: {},
      headers: { host: upstream.host, 'content-type': 'application/json' },
      body,
    } as HttpRequest;
    void signer.sign(unsigned).then((signed) => {
      const up = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: 'POST',
          headers: signed.headers,
          agent,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, {
            'content-type': answer.headers['content-type'] ?? 'application/json',
          });
          answer.pipe(res);
        },
      );
      up.on('error', () => res.destroy());
      up.end(body);
    });
  });
});

server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`RELAY_URL http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
