/**
 * npm run bench:embedded — the embedded default as a new user runs it: `ilteo serve --demo` (PGlite,
 * its 5,000 demo postings) in its own process on a fresh data directory, then autocannon at 10
 * connections for BENCH_HTTP_SECONDS per page. Every answer counts in the latency; answers other than
 * 200 and connection errors are counted. Target (issue 16): ≥ 200 req/s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { assertNodeVersion } from '../src/config/index.ts';
import { httpOk, waitFor } from '../src/ops/wait.ts';
import { percentile, publishTable } from './report.ts';

assertNodeVersion();
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 8);
const PORT = 23400;
const TARGET_RPS = 200;
const PAGES: { label: string; path: string }[] = [
  { label: '검색 정확도순 /jobs?q=요양', path: `/jobs?q=${encodeURIComponent('요양')}` },
  { label: '검색 최신순 /jobs?q=요양&sort=recent', path: `/jobs?q=${encodeURIComponent('요양')}&sort=recent` },
  { label: '검색 API /api/v1/postings?q=요양', path: `/api/v1/postings?q=${encodeURIComponent('요양')}` },
  { label: '검색어 없이 /jobs', path: '/jobs' },
  {
    label: '추천 /api/v1/postings/suggest?q=요야 (같은 입력: 1분 캐시에서)',
    path: `/api/v1/postings/suggest?q=${encodeURIComponent('요야')}`,
  },
  { label: '첫 화면 /', path: '/' },
];

async function measure(url: string): Promise<{ rps: number; p50: number; p95: number; failed: number }> {
  const samples: number[] = [];
  let notOk = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: 10, duration: SECONDS }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      samples.push(ms);
      if (status !== 200) notOk++;
    });
  });
  return {
    rps: samples.length / SECONDS,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    failed: notOk + result.errors + result.timeouts,
  };
}

async function main() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ilteo-bench-embedded-'));
  const cli = path.join(import.meta.dirname, '..', 'src', 'cli.ts');
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve', '--demo'], {
    env: {
      ...process.env,
      ILTEO_DATA_DIR: dir,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ILTEO_RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    await waitFor(`${base}/healthz`, () => httpOk(`${base}/healthz`), 180_000);
    for (const p of PAGES) await fetch(`${base}${p.path}`).then((r) => r.arrayBuffer()); // warm-up
    const rows = [];
    for (const p of PAGES) rows.push({ ...p, ...(await measure(`${base}${p.path}`)) });
    const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
    const table = [
      `측정: ${new Date().toISOString().slice(0, 10)}, \`ilteo serve --demo\` (PGlite, 데모 공고 5,000건) 1 프로세스, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'CPU'}), Node ${process.versions.node}; autocannon 10 connections, ${SECONDS} s each.`,
      '',
      `| 화면 | req/s | p50 / p95 (ms) | 실패 | 목표 ≥ ${TARGET_RPS} req/s |`,
      '|---|---:|---:|---:|:---:|',
      ...rows.map(
        (r) =>
          `| ${r.label} | ${r.rps.toFixed(0)} | ${f(r.p50)} / ${f(r.p95)} | ${r.failed} | ${r.rps >= TARGET_RPS && r.failed === 0 ? '✅' : '❌'} |`,
      ),
    ].join('\n');
    await publishTable('embedded', 'embedded.md', table);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
