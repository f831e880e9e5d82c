/**
 * A monitor's confirmed state from its raw check results, pure (issue 5): down is confirmed when k
 * of the last n checks failed, and recovery when the last r checks succeeded. A single blip changes
 * nothing, and a flapping target does not open an incident per flap.
 */
import type { MonitorPolicy } from '../config/schemas.ts';

export type { MonitorPolicy } from '../config/schemas.ts';

export const DEFAULT_POLICY: MonitorPolicy = { failuresToDown: 3, window: 5, successesToUp: 2 };

export type Confirmed = 'up' | 'down' | 'unknown';

export interface MonitorState {
  confirmed: Confirmed;
  /** Most recent results, newest last, at most `window` long (cleared when the state changes). */
  recent: boolean[];
  /** When each of `recent` was checked (epoch ms). */
  recentAt: number[];
  /**
   * When the confirmed state began (epoch ms), null before the first confirmation: for down, the first
   * failed check of the run that confirmed it; for up, the first of the successes that confirmed it.
   * So an outage lasts from its first failed check to its first good one, whatever the policy.
   */
  since: number | null;
}

export function initialState(): MonitorState {
  return { confirmed: 'unknown', recent: [], recentAt: [], since: null };
}

/** The state after one more check result at time `at`. */
export function afterCheck(
  state: MonitorState,
  ok: boolean,
  at: number,
  policy: MonitorPolicy = DEFAULT_POLICY,
): MonitorState {
  const recent = [...state.recent, ok].slice(-policy.window);
  const recentAt = [...state.recentAt, at].slice(-policy.window);
  const failures = recent.filter((r) => !r).length;
  let run = 0;
  while (run < recent.length && recent[recent.length - 1 - run]) run++;
  if (state.confirmed !== 'down' && failures >= policy.failuresToDown) {
    const firstFailure = recentAt[recent.indexOf(false)] ?? at;
    return { confirmed: 'down', recent: [], recentAt: [], since: firstFailure };
  }
  if (state.confirmed !== 'up' && run >= policy.successesToUp) {
    const firstSuccess = recentAt[recent.length - run] ?? at;
    return { confirmed: 'up', recent: [], recentAt: [], since: firstSuccess };
  }
  return { confirmed: state.confirmed, recent, recentAt, since: state.since };
}

/** ± `ratio` of jitter around an interval, so several processes' checks do not line up. */
export function jittered(intervalMs: number, random: number, ratio = 0.2): number {
  return Math.round(intervalMs * (1 - ratio + 2 * ratio * random));
}
