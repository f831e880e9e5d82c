/** Where benchmark tables go: bench/results/<file>, and with --write-readme between README markers. */
import fs from 'node:fs/promises';

export async function publishTable(name: string, file: string, table: string): Promise<void> {
  console.log(table);
  await fs.mkdir('bench/results', { recursive: true });
  await fs.writeFile(`bench/results/${file}`, `${table}\n`);
  if (!process.argv.includes('--write-readme')) return;
  const readme = await fs.readFile('README.md', 'utf8');
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${start} … ${end} markers`);
  await fs.writeFile('README.md', `${readme.slice(0, a + start.length)}\n${table}\n${readme.slice(b)}`);
  console.error('README.md updated.');
}

/** The p-th percentile (nearest rank) of `values`, NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.max(0, Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1))] as number;
}
