import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { postingNotice, postingPageErrors } from './views.ts';

const text = (q: Record<string, string | undefined>, applicants = [{ id: 3, applicantName: '김일터' }]) =>
  postingNotice(q, applicants)?.toString() ?? null;

describe('the posting page notice (postingNotice)', () => {
  const cases: [Record<string, string | undefined>, RegExp | null][] = [
    [{ created: '1' }, /채용공고를 등록했습니다/],
    [{ already: '1' }, /이미 등록한 채용공고입니다/],
    [{ saved: '1' }, /수정한 내용을 저장했습니다/],
    [{ status: 'paused' }, /공고 상태를 &quot;일시 중지&quot;로 바꿨습니다/],
    [{ status: 'deleted' }, null],
    [{ moved: '3', picked: '3', to: 'passed' }, /지원자 3명의 상태를 서류합격으로 바꿨습니다/],
    [{ moved: '2', picked: '3', to: 'interview' }, /고른 3명 가운데 1명은 이미 그 상태이거나/],
    [{ moved: '0', picked: '2', to: 'hired' }, /고른 지원자 2명은 이미 합격으로 바뀌었거나/],
    [{ moved: '1', picked: '1', to: 'rejected', applicant: '3' }, /김일터 님의 상태를 불합격으로 바꿨습니다/],
    [{ moved: '0', picked: '1', to: 'passed', applicant: '3' }, /김일터 님은 이미 서류합격으로 바뀌었거나/],
    [{ moved: '1', to: 'withdrawn' }, null],
    [{}, null],
  ];
  for (const [query, expected] of cases)
    it(JSON.stringify(query), () => {
      const got = text(query);
      if (expected === null) assert.equal(got, null);
      else assert.match(got ?? '', expected);
    });
});

describe('the posting page error summary (postingPageErrors)', () => {
  const applicants = [{ id: 9 }, { id: 4 }] as never[];
  const none = { errors: {}, picked: [], status: '' };
  it('nothing to list', () => assert.deepEqual(postingPageErrors(applicants, none), {}));
  it('a status refusal', () =>
    assert.deepEqual(postingPageErrors(applicants, none, { _form: '안 됩니다' }), { _form: '안 됩니다' }));
  it('the picks link to the first checkbox, then the status', () =>
    assert.deepEqual(
      Object.keys(postingPageErrors(applicants, { errors: { bulkStatus: 'b', ids: 'i' }, picked: [], status: '' })),
      ['pick-9', 'bulkStatus'],
    ));
  it('with no applicants the picks are the form’s', () =>
    assert.deepEqual(postingPageErrors([], { errors: { ids: 'i' }, picked: [], status: '' }), { _form: 'i' }));
});
