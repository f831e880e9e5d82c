import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyPostingForm, type PostingContent, parsePostingForm } from './posting-form.ts';
import { postingNumber, reopenRefused, repostForm, statusLabel } from './postings.ts';

describe('구인인증번호 (postingNumber)', () => {
  it('E, the date and 9 characters', () =>
    assert.match(postingNumber(7, 'key-1', '2026-11-25'), /^E261125[0-9A-Z]{9}$/));
  it('the same for the same company and key (a repeated form finds its posting)', () =>
    assert.equal(postingNumber(7, 'key-1', '2026-11-25'), postingNumber(7, 'key-1', '2026-11-25')));
  it('another for another key or company', () => {
    assert.notEqual(postingNumber(7, 'key-1', '2026-11-25'), postingNumber(7, 'key-2', '2026-11-25'));
    assert.notEqual(postingNumber(7, 'key-1', '2026-11-25'), postingNumber(8, 'key-1', '2026-11-25'));
  });
});

describe('reopening (reopenRefused)', () => {
  const cases: [Parameters<typeof reopenRefused>, boolean][] = [
    [['open', '2026-11-24', '2026-11-25'], true],
    [['open', '2026-11-25', '2026-11-25'], false],
    [['open', null, '2026-11-25'], false],
    [['paused', '2026-11-24', '2026-11-25'], false],
    [['closed', '2026-11-24', '2026-11-25'], false],
  ];
  for (const [args, refused] of cases)
    it(`${args.join(', ')} → ${refused}`, () => assert.equal(reopenRefused(...args), refused));
});

describe('status labels', () => {
  it('the three, and an unknown one as it is', () => {
    assert.deepEqual(['open', 'paused', 'closed', 'draft'].map(statusLabel), ['접수 중', '일시 중지', '마감', 'draft']);
  });
});

describe('다시 올리기 (repostForm)', () => {
  const TODAY = '2026-11-25';
  const filled = parsePostingForm(
    {
      ...emptyPostingForm(),
      title: '물류센터 입출고 관리 사원',
      jobsCd: '026',
      minSal: '2,600,000',
      regionCd: '11680',
      zipCd: '06164',
      basicAddr: '서울특별시 강남구 테헤란로 152',
      closeDt: '2026-12-31',
      jobCont: '입출고 관리',
      contactName: '인사담당',
      contactTelno: '02-1234-5678',
    },
    TODAY,
  );
  assert.ok(filled.ok);
  const old = (regDt: string, closeDt: string | null): PostingContent & { regDt: string } => ({
    ...filled.value,
    regDt,
    closeDt,
  });
  const cases: { name: string; posting: ReturnType<typeof old>; closeDt: string; untilFilled: string }[] = [
    {
      name: 'open as long as the old one was',
      posting: old('2026-10-01', '2026-10-31'),
      closeDt: '2026-12-25',
      untilFilled: '',
    },
    { name: 'at least 7 days', posting: old('2026-10-01', '2026-10-03'), closeDt: '2026-12-02', untilFilled: '' },
    { name: '채용시까지 stays so', posting: old('2026-10-01', null), closeDt: '', untilFilled: 'yes' },
  ];
  for (const c of cases)
    it(c.name, () => {
      const form = repostForm(c.posting, TODAY);
      assert.equal(form.closeDt, c.closeDt);
      assert.equal(form.untilFilled, c.untilFilled);
      assert.equal(form.title, c.posting.title);
      assert.equal(form.minSal, '2600000');
    });
});
