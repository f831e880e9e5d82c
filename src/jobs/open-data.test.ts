import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CSV_COLUMNS, csvField, toCsv } from './open-data.ts';

describe('CSV export', () => {
  const cases: [string | number, string][] = [
    ['물류 사원', '물류 사원'],
    ['월급 250만원 ~ 300만원', '월급 250만원 ~ 300만원'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['-1+1', "'-1+1"],
    ['@cmd', "'@cmd"],
    [2_500_000, '2500000'],
  ];
  for (const [input, expected] of cases)
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(csvField(input), expected));
  it('has a BOM, a header of WorkNet names and CRLF lines', () => {
    const csv = toCsv([]);
    assert.ok(csv.startsWith('\uFEFFwantedAuthNo,company,title,'));
    assert.ok(csv.endsWith('\r\n'));
    assert.equal(csv.split('\r\n')[0]?.split(',').length, CSV_COLUMNS.length);
  });
  it('a quoted field never lets a quote through unescaped', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const f = csvField(s);
        if (f.startsWith('"')) assert.ok(!f.slice(1, -1).replaceAll('""', '').includes('"'));
        else assert.ok(!/[",\r\n]/.test(f));
      }),
    );
  });
});
