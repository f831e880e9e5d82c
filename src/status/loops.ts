/**
 * The status runner's timers: each loop runs its function again a jittered interval after the last run
 * ended (never two at once), and none keeps the process alive.
 */
import { jittered } from './monitor.ts';

export class Loops {
  #timers = new Set<NodeJS.Timeout>();
  #stopped = false;

  get stopped(): boolean {
    return this.#stopped;
  }

  every(fn: () => Promise<void>, intervalMs: number): void {
    const run = () => {
      if (this.#stopped) return;
      const timer = setTimeout(
        () => {
          this.#timers.delete(timer);
          void fn().finally(run);
        },
        jittered(intervalMs, Math.random()),
      );
      timer.unref();
      this.#timers.add(timer);
    };
    run();
  }

  stop(): void {
    this.#stopped = true;
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
  }
}
