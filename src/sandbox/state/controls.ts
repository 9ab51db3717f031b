/**
 * The test controls: payments held uncertain until a chosen moment, and answers of DirectLink
 * pages to drop (the operation is applied, the answer never arrives).
 */

/** The DirectLink pages whose answer can be dropped. */
export const DIRECTLINK_PAGES = ['orderdirect', 'maintenancedirect', 'querydirect'] as const;
export type DirectLinkPage = (typeof DIRECTLINK_PAGES)[number];

/** How an answer is lost: the connection is reset at once, or after `afterMs` of silence. */
export interface DropPlan {
  mode: 'reset' | 'timeout';
  afterMs: number;
}

/** A step held uncertain: resolving it applies its final status and sends the feedback. */
interface HeldStep {
  untilMs: number | undefined;
  resolve: () => Promise<void>;
}

/** What the controls hold, as `GET /ncol/sandbox/controls` shows it. */
export interface ControlsState {
  /** ORDERIDs whose next step will be held uncertain. */
  armed: { orderId: string; untilMs: number | null }[];
  /** ORDERIDs with a step held uncertain now. */
  held: { orderId: string; untilMs: number | null }[];
  /** Pages whose next answers will be dropped, in order. */
  drops: { page: DirectLinkPage; mode: DropPlan['mode']; afterMs: number }[];
}

export class Controls {
  readonly #armed = new Map<string, number | undefined>();
  readonly #held = new Map<string, HeldStep>();
  readonly #drops = new Map<DirectLinkPage, DropPlan[]>();
  readonly #silences = new Set<() => void>();

  /** The next step of this ORDERID (payment, capture, cancel or refund) answers uncertain. */
  holdUncertain(orderId: string, untilMs?: number): void {
    this.#armed.set(orderId, untilMs);
  }

  /** Takes the hold armed for an ORDERID, if any (once). */
  takeHold(orderId: string): { untilMs: number | undefined } | undefined {
    if (!this.#armed.has(orderId)) return undefined;
    const untilMs = this.#armed.get(orderId);
    this.#armed.delete(orderId);
    return { untilMs };
  }

  /** Records a step held uncertain; returns its release, which runs `resolve` at most once. */
  addHeld(
    orderId: string,
    untilMs: number | undefined,
    resolve: () => Promise<void>,
  ): () => Promise<void> {
    let done: Promise<void> | undefined;
    const step: HeldStep = {
      untilMs,
      resolve: () => {
        if (this.#held.get(orderId) === step) this.#held.delete(orderId);
        done ??= resolve();
        return done;
      },
    };
    this.#held.set(orderId, step);
    return step.resolve;
  }

  /** Resolves the step held for an ORDERID now; false when none is held. */
  async releaseUncertain(orderId: string): Promise<boolean> {
    const held = this.#held.get(orderId);
    if (held === undefined) return false;
    await held.resolve();
    return true;
  }

  /** The next answer of `page` is lost. */
  dropNextAnswer(page: DirectLinkPage, plan: DropPlan): void {
    this.#drops.set(page, [...(this.#drops.get(page) ?? []), plan]);
  }

  /** Takes the drop planned for a page's answer, if any (once). */
  takeDrop(page: DirectLinkPage): DropPlan | undefined {
    const plans = this.#drops.get(page);
    const plan = plans?.shift();
    if (plans?.length === 0) this.#drops.delete(page);
    return plan;
  }

  /** Waits for `ms` (or `close()`), for an answer that is lost after a silence. */
  silence(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        this.#silences.delete(end);
        resolve();
      };
      const timer = setTimeout(end, ms);
      this.#silences.add(end);
    });
  }

  state(): ControlsState {
    return {
      armed: [...this.#armed].map(([orderId, untilMs]) => ({ orderId, untilMs: untilMs ?? null })),
      held: [...this.#held].map(([orderId, held]) => ({ orderId, untilMs: held.untilMs ?? null })),
      drops: [...this.#drops].flatMap(([page, plans]) => plans.map((plan) => ({ page, ...plan }))),
    };
  }

  /** Ends every silence at once (their answers are then lost). */
  close(): void {
    for (const end of [...this.#silences]) end();
  }
}
