import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../common/errors/api-error';
import type { KeyPolicy } from '../limits/policy/key-policy';
import { ApiKeyStore } from './api-key.store';
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

/** Global guard: every route needs `Authorization: Bearer <key>` unless marked {@link Public}. */
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
    if (!header) {
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
    if (!this.keys.loaded) {
      throw new ApiError(503, 'The gateway has not loaded its API keys yet; try again shortly.', {
        code: 'keys_not_loaded',
        headers: { 'retry-after': '5' },
      });
    }
    const entry = this.keys.find(presented);
    if (entry === undefined) {
      throw new ApiError(401, 'Incorrect API key provided.', {
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      });
    }
    request.apiKeyName = entry.name;
    request.keyPolicy = entry.policy;
    return true;
  }
}
