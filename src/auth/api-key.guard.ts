import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { isAnthropicRequest } from '../anthropic/anthropic-route';
import { ApiError } from '../common/errors/api-error';
import type { KeyPolicy } from '../limits/policy/key-policy';
import { ApiKeyStore } from './api-key.store';
import type { AuthFailureLimiter } from './auth-failure.throttle';
import { IS_PUBLIC } from './public.decorator';

declare module 'fastify' {
  interface FastifyRequest {
    /** Name of the API key that authenticated this request (set by ApiKeyGuard). */
    apiKeyName?: string;
    /** The key's allow-list and limits, when it comes from a policy document (set by ApiKeyGuard). */
    keyPolicy?: KeyPolicy;
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Injection token of the {@link AuthFailureLimiter} the guard consults. */
export const AUTH_FAILURE_LIMITER = Symbol('AUTH_FAILURE_LIMITER');

/**
 * Global guard: every route needs `Authorization: Bearer <key>` unless marked {@link Public}. Anthropic's SDKs
 * send the key as `x-api-key` instead (Claude Code's ANTHROPIC_AUTH_TOKEN as Bearer): the same keys, the same
 * identities.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyStore,
    @Inject(AUTH_FAILURE_LIMITER) private readonly failures: AuthFailureLimiter,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    const apiKey = request.headers['x-api-key'];
    if (header || typeof apiKey === 'string') {
      // An address that failed too often waits, whatever it presents now: otherwise a right guess still pays.
      const waitS = this.failures.blockedFor(request.ip);
      if (waitS > 0) throw tooManyFailures(waitS);
    }
    if (!header && typeof apiKey === 'string' && apiKey.trim() !== '')
      return this.admit(request, apiKey.trim());
    if (!header) {
      if (isAnthropicRequest(request)) {
        throw new ApiError(401, 'x-api-key header is required', { type: 'authentication_error' });
      }
      // OpenAI's own wording, which client libraries and users recognise.
      throw new ApiError(
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        { type: 'invalid_request_error' },
      );
    }
    const presented = BEARER.exec(header)?.[1];
    if (!presented) {
      this.failed(request, 'malformed Authorization header');
      throw new ApiError(
        401,
        'The Authorization header must use Bearer auth: "Authorization: Bearer YOUR_KEY".',
        {
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      );
    }
    return this.admit(request, presented);
  }

  private admit(request: FastifyRequest, presented: string): boolean {
    if (!this.keys.loaded) {
      throw new ApiError(503, 'The gateway has not loaded its API keys yet; try again shortly.', {
        code: 'keys_not_loaded',
        headers: { 'retry-after': '5' },
      });
    }
    const entry = this.keys.find(presented);
    if (entry === undefined) {
      this.failed(request, 'unknown API key');
      throw new ApiError(401, 'Incorrect API key provided.', {
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      });
    }
    request.apiKeyName = entry.name;
    request.keyPolicy = entry.policy;
    return true;
  }

  /** Counts a failed attempt and logs it — the source and request, never what was presented. */
  private failed(request: FastifyRequest, reason: string): void {
    const waitS = this.failures.recordFailure(request.ip);
    this.logger.warn({
      msg: waitS > 0 ? 'authentication failed; source throttled' : 'authentication failed',
      reason,
      source: request.ip,
      requestId: request.id,
      ...(waitS > 0 ? { throttledForS: waitS } : {}),
    });
  }
}

function tooManyFailures(waitS: number): ApiError {
  return new ApiError(
    429,
    `Too many failed authentication attempts from this address; try again in ${waitS} seconds.`,
    { type: 'rate_limit_error', code: 'too_many_auth_failures', headers: { 'retry-after': String(waitS) } },
  );
}
