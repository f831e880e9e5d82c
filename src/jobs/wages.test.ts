import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WageType } from './codes.ts';
import { formatWage, minimumWage, monthlyEquivalent } from './wages.ts';

describe('minimumWage (2026, 10,320원/h)', () => {
  const cases: [WageType, number, number, number][] = [
    ['H', 8, 40, 10_320],
    ['D', 8, 40, 82_560],
    ['D', 4, 20, 41_280],
    ['M', 8, 40, 2_156_880],
    ['M', 4, 20, 1_073_280],
    ['M', 3, 12, 536_640],
    ['Y', 8, 40, 25_882_560],
  ];
  for (const [type, day, week, expected] of cases) {
    it(`${type} at ${day}h/day, ${week}h/week is ${expected.toLocaleString()}원`, () => {
      assert.equal(minimumWage(type, day, week), expected);
    });
  }
});

describe('monthlyEquivalent', () => {
  const cases: [WageType, number, number, number, number][] = [
    ['M', 2_500_000, 8, 40, 2_500_000],
    ['Y', 36_000_000, 8, 40, 3_000_000],
    ['H', 10_320, 8, 40, 2_156_880],
    ['D', 100_000, 8, 40, 2_607_000],
  ];
  for (const [type, amount, day, week, expected] of cases) {
    it(`${type} ${amount} → ${expected}`, () => assert.equal(monthlyEquivalent(type, amount, day, week), expected));
  }
});

describe('formatWage', () => {
  const cases: [string, number, number, string][] = [
    ['H', 12_000, 12_000, '시급 12,000원'],
    ['M', 2_500_000, 3_000_000, '월급 250만원 ~ 300만원'],
    ['Y', 32_000_000, 32_000_000, '연봉 3,200만원'],
    ['D', 150_000, 150_000, '일급 15만원'],
  ];
  for (const [type, min, max, expected] of cases) {
    it(`prints ${expected}`, () => assert.equal(formatWage(type, min, max), expected));
  }
});
