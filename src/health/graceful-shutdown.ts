import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { ReadinessService } from './readiness.service';

/**
 * Nest calls `onApplicationShutdown` hooks (which release the Bedrock clients) before it closes the HTTP
 * server, which would cut every stream in flight at SIGTERM. So, first: report not-ready, stop accepting
 * connections, and let the requests in flight finish (bounded by SHUTDOWN_GRACE_MS); only then does
 * shutdown go on.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Gateway');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly readiness: ReadinessService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.readiness.drain();
    this.logger.log(
      `shutting down${signal ? ` (${signal})` : ''}: not ready any more, finishing requests in flight`,
    );
    const adapter = this.adapterHost.httpAdapter;
    const server = adapter.getHttpServer() as Server | undefined;
    if (!server?.listening) return;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.config.shutdownGraceMs);
    });
    // server.close() only closes connections idle at that moment; a keep-alive connection whose stream ends
    // later would hold the drain open until the grace runs out, so idle ones are swept as they appear.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const outcome = await Promise.race([adapter.close().then(() => 'drained' as const), grace]);
    clearInterval(sweep);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.logger.warn(
        `requests still open after ${this.config.shutdownGraceMs} ms; closing their connections`,
      );
      server.closeAllConnections();
    }
  }
}
