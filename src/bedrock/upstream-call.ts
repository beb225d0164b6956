import { ApiError } from '../common/errors/api-error';
import { bindSignal, telemetryOf } from '../metrics/request-telemetry';

/**
 * The abort controller of one Bedrock call: fires when the client goes away, when the whole call takes longer
 * than the upstream timeout, or (streams) when Bedrock has been silent for the idle timeout. The reason is
 * kept, so an abort can be reported for what it was rather than as a bare AbortError.
 */
export class UpstreamCall {
  private readonly controller = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(clientSignal: AbortSignal, timeoutMs: number) {
    bindSignal(this.controller.signal, telemetryOf(clientSignal));
    if (clientSignal.aborted) this.controller.abort(clientSignal.reason);
    else clientSignal.addEventListener('abort', () => this.abort(clientSignal.reason), { once: true });
    this.timers.push(
      setTimeout(
        () =>
          this.abort(
            new ApiError(504, `Bedrock did not finish within ${Math.round(timeoutMs)} ms.`, {
              code: 'upstream_timeout',
            }),
          ),
        timeoutMs,
      ),
    );
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Starts (or restarts) the idle clock; call on every upstream event. */
  touch(idleMs: number): void {
    if (this.idleTimer) {
      this.idleTimer.refresh();
      return;
    }
    this.idleTimer = setTimeout(
      () =>
        this.abort(
          new ApiError(504, `Bedrock sent nothing for ${idleMs} ms; the stream was abandoned.`, {
            code: 'upstream_idle_timeout',
          }),
        ),
      idleMs,
    );
  }

  abort(reason?: unknown): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
    this.dispose();
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    clearTimeout(this.idleTimer);
  }

  /** The error to report for a failure: the abort's own reason when this call was aborted. */
  explain(err: unknown): unknown {
    return this.controller.signal.aborted && this.controller.signal.reason instanceof Error
      ? this.controller.signal.reason
      : err;
  }
}
