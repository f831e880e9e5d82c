/** Polling helpers for the local processes src/ops starts (cluster nodes, app processes, HAProxy). */

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  pollMs = 200,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`${what}: ${Math.round(timeoutMs / 1000)}초 안에 준비되지 않았습니다`);
}

export async function httpOk(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}
