/** The sandbox's timers (pending maintenance steps, timed holds): tracked, awaitable, cancellable. */
export class Scheduler {
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #running = 0;
  #waiters: (() => void)[] = [];
  #closed = false;

  /** Runs `task` after `delayMs`; returns a function that cancels it if it has not started. */
  schedule(delayMs: number, task: () => Promise<void>): () => void {
    if (this.#closed) return () => undefined;
    const timer = setTimeout(
      () => {
        this.#timers.delete(timer);
        this.#running++;
        void task()
          .catch(() => undefined)
          .finally(() => {
            this.#running--;
            this.#wakeIfIdle();
          });
      },
      Math.max(0, delayMs),
    );
    this.#timers.add(timer);
    return () => {
      if (this.#timers.delete(timer)) {
        clearTimeout(timer);
        this.#wakeIfIdle();
      }
    };
  }

  /** True while a task waits or runs. */
  get busy(): boolean {
    return this.#timers.size > 0 || this.#running > 0;
  }

  /** Resolves once no task waits or runs. */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Cancels every waiting task; running ones finish. */
  close(): void {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#wakeIfIdle();
  }

  #wakeIfIdle(): void {
    if (this.busy) return;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }
}
