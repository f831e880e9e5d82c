/**
 * npm run check (issue 17): no source file over 400 lines and no function over 80 lines, seed data and
 * the schema excepted. Functions are found by parsing with swc (arrow functions, function declarations
 * and expressions, methods); a function's length is its lines from its first to its last character.
 *
 * Files over the limits today are listed in scripts/size-baseline.json with their size, how many of
 * their functions are over 80 lines and the longest one: such a file may shrink but not grow, and a file
 * not listed must meet the limits. An entry that a file no longer needs fails the check too, so the list
 * only ever gets shorter. `--write` rewrites the baseline from the code (for after a split).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseSync } from '@swc/core';

const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;
const ROOT = path.resolve(import.meta.dirname, '..');
const BASELINE = path.join(ROOT, 'scripts', 'size-baseline.json');
/** Data, not code: seed data, the schema, the reference code tables. */
const EXCEPTED = [/^src\/jobs\/seed\//, /^src\/db\/schema\.ts$/, /^src\/reference\//, /^src\/db\/migrations\//];
const FUNCTIONS = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ClassMethod',
  'PrivateMethod',
  'Constructor',
  'MethodProperty',
  'GetterProperty',
  'SetterProperty',
]);

interface Measure {
  lines: number;
  /** Functions over the limit. */
  longFunctions: number;
  longest: number;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Each function's length in lines. swc's spans are UTF-8 byte offsets that grow across calls. */
function functionLengths(source: string): number[] {
  // A first statement at byte 0 makes the module's span start the base of every offset in this call.
  // A shebang line becomes a comment of the same length.
  const prefixed = `0;\n${source.startsWith('#!') ? `//${source.slice(2)}` : source}`;
  const ast = parseSync(prefixed, { syntax: 'typescript', target: 'es2022' });
  const bytes = Buffer.from(prefixed);
  const lineStarts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const base = ast.span.start;
  const out: number[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; span?: { start: number; end: number } };
    if (n.type && FUNCTIONS.has(n.type) && n.span)
      out.push(lineOf(n.span.end - base - 1) - lineOf(n.span.start - base) + 1);
    for (const [k, v] of Object.entries(node)) if (k !== 'span') walk(v);
  };
  walk(ast.body);
  return out;
}

function measure(file: string): Measure {
  const source = fs.readFileSync(file, 'utf8');
  const long = functionLengths(source).filter((n) => n > MAX_FUNCTION_LINES);
  return {
    lines: source.split('\n').length - (source.endsWith('\n') ? 1 : 0),
    longFunctions: long.length,
    longest: Math.max(0, ...long),
  };
}

const measured = new Map<string, Measure>();
for (const file of sourceFiles(path.join(ROOT, 'src'))) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  if (EXCEPTED.some((re) => re.test(rel))) continue;
  const m = measure(file);
  if (m.lines > MAX_FILE_LINES || m.longFunctions > 0) measured.set(rel, m);
}

if (process.argv.includes('--write')) {
  const sorted = Object.fromEntries([...measured].sort(([a], [b]) => a.localeCompare(b)));
  fs.writeFileSync(BASELINE, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`${measured.size} files over the limits written to ${path.relative(ROOT, BASELINE)}`);
  process.exit(0);
}

const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Record<string, Measure>;
const problems: string[] = [];
for (const [file, m] of measured) {
  const b = baseline[file];
  const what = `${m.lines} lines, ${m.longFunctions} functions over ${MAX_FUNCTION_LINES} lines (longest ${m.longest})`;
  if (!b)
    problems.push(
      `${file}: ${what} — over the limits (${MAX_FILE_LINES} lines a file, ${MAX_FUNCTION_LINES} a function)`,
    );
  else if (
    (m.lines > MAX_FILE_LINES && m.lines > b.lines) ||
    m.longFunctions > b.longFunctions ||
    m.longest > Math.max(b.longest, MAX_FUNCTION_LINES)
  )
    problems.push(
      `${file}: ${what} — grew past its baseline (${b.lines} lines, ${b.longFunctions}, longest ${b.longest})`,
    );
}
for (const file of Object.keys(baseline))
  if (!measured.has(file)) problems.push(`${file}: within the limits now — remove it from scripts/size-baseline.json`);
if (problems.length) {
  console.error(`size check: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`size check: ${measured.size} files still over the limits, none grew (scripts/size-baseline.json)`);
