import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { ReadinessService } from './readiness.service';

/** Probes for orchestrators; no API key needed. */
@Controller()
@Public()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** Liveness: the process serves HTTP. Same body as Bedrock Access Gateway's /health. */
  @Get('health')
  health(): { status: 'OK' } {
    return { status: 'OK' };
  }

  /** Readiness: configuration valid and everything loaded that requests need; 503 until then. */
  @Get('ready')
  ready(@Res({ passthrough: true }) reply: FastifyReply): {
    status: string;
    checks: Record<string, unknown>;
  } {
    const { ready, checks } = this.readiness.evaluate();
    void reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not ready', checks };
  }
}
