import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable, tap } from 'rxjs';
import { UsageTracker } from './usage.tracker';

/**
 * Usage accounting for a route (chat completions, embeddings): hands the handler's result to
 * {@link UsageTracker}, which records a JSON answer's usage at once and a stream's when it settles.
 */
@Injectable()
export class UsageInterceptor implements NestInterceptor {
  constructor(private readonly tracker: UsageTracker) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return next.handle().pipe(tap((result: unknown) => this.tracker.track(request, result)));
  }
}
