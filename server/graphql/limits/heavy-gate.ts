export interface HeavyGateOptions {
  /** Heavy operations that may run at once in this process. */
  concurrency: number;
  /** Longest a heavy operation waits for its turn, in milliseconds, before it is refused. */
  maxWaitMs: number;
  /** Heavy operations that may wait at once; one more is refused straight away. */
  maxQueue: number;
}

/** Why a heavy operation was not let in: the queue was full, or its wait ran out. */
export class GateBusyError extends Error {
  constructor(
    readonly reason: 'QUEUE_FULL' | 'WAIT_TIMED_OUT',
    /** When the client may try again, in seconds. */
    readonly retryAfterSeconds: number,
  ) {
    super(reason === 'QUEUE_FULL' ? 'too many heavy operations are waiting' : 'a heavy operation waited too long for its turn');
  }
}

interface Waiter {
  admit: () => void;
  timer: NodeJS.Timeout;
}

/**
 * A counting semaphore with a bounded queue and a bounded wait, for operations whose estimated
 * cost is high (whole-country boundaries). Light operations never pass through it, so they are
 * never queued behind heavy ones; heavy ones run a few at a time and wait in arrival order.
 */
export class HeavyGate {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly options: HeavyGateOptions) {}

  /** Heavy operations running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Waits for a slot; resolves with its release (safe to call twice). Rejects with GateBusyError
   * when `maxQueue` operations already wait, or after `maxWaitMs` without a slot.
   */
  enter(): Promise<() => void> {
    const { concurrency, maxWaitMs, maxQueue } = this.options;
    if (this.running < concurrency) return Promise.resolve(this.take());
    const retryAfterSeconds = Math.max(1, Math.ceil(maxWaitMs / 1000));
    if (this.waiting.length >= maxQueue) return Promise.reject(new GateBusyError('QUEUE_FULL', retryAfterSeconds));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(waiter.timer);
          resolve(this.take());
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new GateBusyError('WAIT_TIMED_OUT', retryAfterSeconds));
        }, maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  private take(): () => void {
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiting.shift()?.admit();
    };
  }
}
