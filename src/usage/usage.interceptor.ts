import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable, tap } from 'rxjs';
import { UsageTracker } from './usage.tracker';

/** Usage accounting for routes that prefer an interceptor; the chat route calls {@link UsageTracker} itself. */
@Injectable()
export class UsageInterceptor implements NestInterceptor {
  constructor(private readonly tracker: UsageTracker) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return next.handle().pipe(tap((result: unknown) => this.tracker.track(request, result)));
  }
}
