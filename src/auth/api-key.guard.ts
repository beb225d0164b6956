import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { isAnthropicRequest } from '../anthropic/anthropic-route';
import { ApiError } from '../common/errors/api-error';
import { ApiKeyStore } from './api-key.store';
import { IS_PUBLIC } from './public.decorator';

declare module 'fastify' {
  interface FastifyRequest {
    /** Name of the API key that authenticated this request (set by ApiKeyGuard). */
    apiKeyName?: string;
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Global guard: every route needs `Authorization: Bearer <key>` unless marked {@link Public}. Anthropic's SDKs
 * send the key as `x-api-key` instead (Claude Code's ANTHROPIC_AUTH_TOKEN as Bearer): the same keys, the same
 * identities.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyStore,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    const apiKey = request.headers['x-api-key'];
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
    const name = this.keys.identify(presented);
    if (name === undefined) {
      throw new ApiError(401, 'Incorrect API key provided.', {
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      });
    }
    request.apiKeyName = name;
    return true;
  }
}
