/**
 * `serve`'s reconciliation timer: `reconcile()` every interval, one run at a time, a log line
 * when it queried something or failed, stopped cleanly (waiting for the run in flight).
 */
import type { OgoneOperations } from './types.js';

export interface ReconcileTimer {
  /** No new run; resolves once the run in flight (if any) finished. */
  stop(): Promise<void>;
}

export function startReconcileTimer(
  ops: OgoneOperations,
  intervalMs: number,
  log: (entry: Record<string, unknown>) => void,
): ReconcileTimer {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;

  const run = async () => {
    try {
      const report = await ops.reconcile();
      if (report.payments.length === 0) return;
      const resolved = report.payments.filter((p) => p.resolved).length;
      const flagged = report.payments.filter((p) => p.flagged).length;
      log({
        level: flagged > 0 ? 'warn' : 'info',
        event: 'reconcile',
        queried: report.payments.length,
        resolved,
        flagged,
        message: `Reconciliation queried ${report.payments.length} payment(s): ${resolved} resolved, ${flagged} flagged for a person.`,
      });
    } catch (error) {
      log({
        level: 'error',
        event: 'reconcile-failed',
        message:
          `Reconciliation failed: ${error instanceof Error ? error.message : String(error)}`.slice(
            0,
            600,
          ),
      });
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = undefined;
        schedule();
      });
    }, intervalMs);
    timer.unref?.();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
