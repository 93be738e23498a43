/**
 * The sync timer of the interactive hosts: a pass every `intervalMs`, and one shortly after a session is queued.
 * The pass itself decides whether anything is due (the back-off lives in the database), so the timer is dumb.
 */
export class SyncLoop {
  private timer: ReturnType<typeof setInterval> | null = null;
  private kicked: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly tick: () => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  get running(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref?.();
    // A first pass soon after start: catches up on what was queued while the app was closed or offline.
    this.kick(1_000);
  }

  /** A pass soon (coalesced): after a session completes. Does nothing when the loop is not running. */
  kick(delayMs = 0): void {
    if (!this.timer || this.kicked) return;
    this.kicked = setTimeout(() => {
      this.kicked = null;
      void this.tick();
    }, delayMs);
    this.kicked.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.kicked) clearTimeout(this.kicked);
    this.timer = null;
    this.kicked = null;
  }
}
