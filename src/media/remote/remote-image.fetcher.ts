import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { ApiError } from '../../common/errors/api-error';
import { MAX_IMAGE_BYTES } from '../media-limits';
import { AddressPolicy } from './address-policy';

const MAX_REDIRECTS = 3;

const fail = (param: string, code: string, message: string) => new ApiError(400, message, { param, code });

/**
 * Fetches an image a client referenced by http(s) URL, off the event loop's critical path and within limits:
 * Bedrock's 3.75 MB image cap (checked against Content-Length and again while reading), a timeout, an image
 * content type, at most three redirects, and the address policy on every hop. The host is resolved once and
 * the connection made to the very address that was checked, so a DNS answer cannot change in between
 * (DNS rebinding).
 */
export class RemoteImageFetcher {
  constructor(
    private readonly policy: AddressPolicy,
    private readonly timeoutMs: number,
    private readonly maxBytes = MAX_IMAGE_BYTES,
  ) {}

  async fetch(url: string, param: string, clientSignal: AbortSignal): Promise<Buffer> {
    const signal = AbortSignal.any([clientSignal, AbortSignal.timeout(this.timeoutMs)]);
    let target = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const res = await this.get(target, param, signal);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        target = new URL(res.headers.location, target).toString();
        continue;
      }
      if (status !== 200) {
        res.resume();
        throw fail(
          param,
          'image_url_http_error',
          `Fetching the image at '${param}' failed: the server answered HTTP ${status}.`,
        );
      }
      const type = String(res.headers['content-type'] ?? '').toLowerCase();
      if (!type.startsWith('image/')) {
        res.resume();
        throw fail(
          param,
          'image_url_not_image',
          `The URL in '${param}' did not return an image (content type '${type || 'none'}').`,
        );
      }
      return this.read(res, param, signal);
    }
    throw fail(
      param,
      'image_url_redirects',
      `The URL in '${param}' redirected more than ${MAX_REDIRECTS} times.`,
    );
  }

  private get(url: string, param: string, signal: AbortSignal): Promise<IncomingMessage> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw fail(param, 'invalid_image_url', `The image URL in '${param}' is not a valid URL.`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw fail(param, 'invalid_image_url', `Image URLs must be http(s) or data URLs ('${param}').`);
    }
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    const trusted = this.policy.hostAllowed(host);
    if (isIP(host) && !trusted && !this.policy.addressAllowed(host)) throw this.forbidden(param);
    const request = parsed.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        parsed,
        { method: 'GET', signal, lookup: this.lookupFor(trusted, param), headers: { accept: 'image/*' } },
        resolve,
      );
      req.on('error', (err) => reject(this.explain(err, param, signal)));
      req.end();
    });
  }

  /** Resolves the host and hands the socket only an address the policy allows. */
  private lookupFor(trusted: boolean, param: string): LookupFunction {
    return (hostname, options, callback) => {
      dnsLookup(hostname, { all: true }, (err, addresses: LookupAddress[]) => {
        if (err) return callback(err, '', 0);
        const ok = addresses.filter((a) => trusted || this.policy.addressAllowed(a.address));
        if (ok.length === 0)
          return callback(this.forbidden(param) as unknown as NodeJS.ErrnoException, '', 0);
        if ((options as { all?: boolean }).all)
          return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, ok);
        callback(null, ok[0].address, ok[0].family);
      });
    };
  }

  private async read(res: IncomingMessage, param: string, signal: AbortSignal): Promise<Buffer> {
    const declared = Number(res.headers['content-length']);
    if (declared > this.maxBytes) {
      res.destroy();
      throw this.tooLarge(param);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > this.maxBytes) {
          res.destroy();
          throw this.tooLarge(param);
        }
        chunks.push(chunk);
      }
    } catch (err) {
      throw this.explain(err, param, signal);
    }
    return Buffer.concat(chunks, size);
  }

  private explain(err: unknown, param: string, signal: AbortSignal): unknown {
    if (err instanceof ApiError) return err;
    if (signal.aborted) {
      const reason: unknown = signal.reason;
      if (reason instanceof Error && reason.name === 'TimeoutError') {
        return fail(
          param,
          'image_url_timeout',
          `The image at '${param}' did not arrive within ${this.timeoutMs} ms.`,
        );
      }
      return reason;
    }
    return fail(
      param,
      'image_url_unreachable',
      `The image at '${param}' could not be fetched (${(err as Error).message}).`,
    );
  }

  private forbidden(param: string): ApiError {
    return fail(
      param,
      'image_url_forbidden',
      `The image URL in '${param}' points to a private, loopback or link-local address, which this gateway does not fetch from.`,
    );
  }

  private tooLarge(param: string): ApiError {
    return fail(
      param,
      'image_too_large',
      `The image at '${param}' is larger than Bedrock's limit of ${this.maxBytes} bytes.`,
    );
  }
}
