import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formKey, parseApplicantsForm, parseNewPosting, parsePostingStatus } from './forms.ts';
import { emptyPostingForm } from './posting-form.ts';

const KEY = 'k-1234567890abcdef';

describe('한꺼번에 바꾸기 (parseApplicantsForm)', () => {
  const cases: { name: string; body: Record<string, unknown>; ids?: number[]; errors?: string[] }[] = [
    { name: 'one applicant', body: { status: 'passed', ids: '7' }, ids: [7] },
    { name: 'several, repeats once', body: { status: 'hired', ids: ['3', '5', '3'] }, ids: [3, 5] },
    {
      name: 'numbers that are no ids are dropped',
      body: { status: 'rejected', ids: ['0', '-2', '1.5', 'x', '9'] },
      ids: [9],
    },
    { name: 'nobody picked', body: { status: 'passed' }, errors: ['ids'] },
    { name: 'no status', body: { ids: ['1'] }, errors: ['bulkStatus'] },
    { name: '열람 is not the employer’s to set', body: { status: 'viewed', ids: '1' }, errors: ['bulkStatus'] },
    { name: '취소 is the applicant’s', body: { status: 'withdrawn', ids: '1' }, errors: ['bulkStatus'] },
    { name: 'neither', body: {}, errors: ['bulkStatus', 'ids'] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseApplicantsForm(c.body);
      if (c.ids) {
        assert.ok(r.ok);
        assert.deepEqual(r.ids, c.ids);
        assert.equal(r.status, c.body.status);
      } else {
        assert.ok(!r.ok);
        assert.deepEqual(Object.keys(r.errors).sort(), c.errors);
      }
    });

  it('keeps what was picked and chosen when it comes back', () => {
    const r = parseApplicantsForm({ status: 'nope', ids: ['4', '2'] });
    assert.ok(!r.ok);
    assert.deepEqual(r.picked, [4, 2]);
    assert.equal(r.status, 'nope');
  });

  it('reads at most 500 ids', () => {
    const r = parseApplicantsForm({ status: 'passed', ids: Array.from({ length: 600 }, (_, i) => String(i + 1)) });
    assert.ok(r.ok);
    assert.equal(r.ids.length, 500);
  });
});

describe('공고 상태 buttons (parsePostingStatus)', () => {
  const cases: [unknown, string | null][] = [
    [{ status: 'open' }, 'open'],
    [{ status: 'paused' }, 'paused'],
    [{ status: 'closed' }, 'closed'],
    [{ status: 'deleted' }, null],
    [{ status: ['open'] }, null],
    [{}, null],
    [undefined, null],
  ];
  for (const [body, status] of cases)
    it(`${JSON.stringify(body)} → ${status}`, () => assert.equal(parsePostingStatus(body), status));
});

describe('idempotency key (formKey)', () => {
  const cases: [unknown, string | null][] = [
    [{ idempotencyKey: KEY }, KEY],
    [{ idempotencyKey: 'short' }, null],
    [{ idempotencyKey: `${KEY}<script>` }, null],
    [{ idempotencyKey: [KEY] }, null],
    [{}, null],
    [null, null],
  ];
  for (const [body, key] of cases) it(`${JSON.stringify(body)} → ${key}`, () => assert.equal(formKey(body), key));
});

describe('채용공고 등록 with its key (parseNewPosting)', () => {
  const TODAY = '2026-11-25';
  const good = {
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
  };

  it('a good form with a key', () => {
    const r = parseNewPosting({ ...good, idempotencyKey: KEY }, TODAY);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.equal(r.key, KEY);
    assert.equal(r.value.minSal, 2_600_000);
  });

  it('a good form without a key asks to reload', () => {
    const r = parseNewPosting(good, TODAY);
    assert.ok(!r.ok);
    assert.equal(r.key, null);
    assert.deepEqual(Object.keys(r.errors), ['_form']);
    assert.match(r.errors._form ?? '', /새로 고친 뒤/);
  });

  it('a form with errors keeps its key and what was typed', () => {
    const r = parseNewPosting({ ...good, title: '', idempotencyKey: KEY }, TODAY);
    assert.ok(!r.ok);
    assert.equal(r.key, KEY);
    assert.deepEqual(Object.keys(r.errors), ['title']);
    assert.equal(r.values.basicAddr, good.basicAddr);
  });
});
