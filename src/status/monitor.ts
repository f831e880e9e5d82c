/**
 * A monitor's confirmed state from its raw check results, pure (issue 5): down is confirmed when k
 * of the last n checks failed, and recovery when the last r checks succeeded. A single blip changes
 * nothing, and a flapping target does not open an incident per flap.
 */

export interface MonitorPolicy {
  /** Failed checks among the last `window` that confirm down. */
  failuresToDown: number;
  window: number;
  /** Consecutive successes that confirm recovery. */
  successesToUp: number;
}

export const DEFAULT_POLICY: MonitorPolicy = { failuresToDown: 3, window: 5, successesToUp: 2 };

export type Confirmed = 'up' | 'down' | 'unknown';

export interface MonitorState {
  confirmed: Confirmed;
  /** Most recent results, newest last, at most `window` long. */
  recent: boolean[];
  /** When the confirmed state last changed (epoch ms), null before the first confirmation. */
  since: number | null;
}

export function initialState(): MonitorState {
  return { confirmed: 'unknown', recent: [], since: null };
}

/** The state after one more check result at time `at`. */
export function afterCheck(
  state: MonitorState,
  ok: boolean,
  at: number,
  policy: MonitorPolicy = DEFAULT_POLICY,
): MonitorState {
  const recent = [...state.recent, ok].slice(-policy.window);
  const failures = recent.filter((r) => !r).length;
  const tail = recent.slice(-policy.successesToUp);
  let confirmed = state.confirmed;
  if (failures >= policy.failuresToDown) confirmed = 'down';
  else if (
    tail.length === policy.successesToUp &&
    tail.every(Boolean) &&
    (state.confirmed !== 'down' || failures < policy.failuresToDown)
  )
    confirmed = 'up';
  return { confirmed, recent, since: confirmed === state.confirmed ? state.since : at };
}

/** ± `ratio` of jitter around an interval, so several processes' checks do not line up. */
export function jittered(intervalMs: number, random: number, ratio = 0.2): number {
  return Math.round(intervalMs * (1 - ratio + 2 * ratio * random));
}
