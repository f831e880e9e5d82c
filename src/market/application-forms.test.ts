import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  appliedRedirect,
  journalPayload,
  keyIsValid,
  parseApply,
  parseMove,
  resumeReturnPath,
  resumeSavedRedirect,
  resumeValues,
} from './application-forms.ts';
import type { Resume } from './resume-store.ts';

const KEY = 'k-1234567890abcdef';

describe('where the resume form goes back to (resumeReturnPath, resumeSavedRedirect)', () => {
  const cases: { raw: string; path: string; saved: string }[] = [
    { raw: '', path: '/my/resumes', saved: '/my/resumes?saved=1' },
    { raw: '/jobs/K123/apply', path: '/jobs/K123/apply', saved: '/jobs/K123/apply?resume=saved' },
    { raw: '/jobs/K123', path: '/my/resumes', saved: '/my/resumes?saved=1' },
    { raw: 'https://evil.example/jobs/K1/apply', path: '/my/resumes', saved: '/my/resumes?saved=1' },
    { raw: '//evil.example/jobs/K1/apply', path: '/my/resumes', saved: '/my/resumes?saved=1' },
    { raw: '/jobs/K-1/apply', path: '/my/resumes', saved: '/my/resumes?saved=1' },
    { raw: '/my/account', path: '/my/resumes', saved: '/my/resumes?saved=1' },
  ];
  for (const c of cases)
    it(JSON.stringify(c.raw), () => {
      assert.equal(resumeReturnPath(c.raw), c.path);
      assert.equal(resumeSavedRedirect(resumeReturnPath(c.raw)), c.saved);
    });
});

describe('a saved resume as the form shows it (resumeValues)', () => {
  const resume: Resume = {
    id: 7,
    ownerId: 3,
    title: '물류 관리',
    education: '05',
    school: '한국대학교',
    careers: [
      { company: '(주)한빛물류', role: '재고 관리', from: '2021-03', to: '' },
      { company: '(주)대한', role: '출고', from: '2019-01', to: '2021-02' },
    ],
    certificates: '지게차',
    skills: 'WMS',
    introduction: '안녕하세요',
    isPublic: true,
    updatedAt: '2026-11-30 12:00:00+09',
  };
  it('every field, careers numbered from 0, 공개 as "yes"', () =>
    assert.deepEqual(resumeValues(resume), {
      title: '물류 관리',
      education: '05',
      school: '한국대학교',
      certificates: '지게차',
      skills: 'WMS',
      introduction: '안녕하세요',
      isPublic: 'yes',
      company0: '(주)한빛물류',
      role0: '재고 관리',
      from0: '2021-03',
      to0: '',
      company1: '(주)대한',
      role1: '출고',
      from1: '2019-01',
      to1: '2021-02',
    }));
  it('a private resume without careers', () =>
    assert.deepEqual(resumeValues({ ...resume, careers: [], isPublic: false }).isPublic, ''));
});

describe('the 지원하기 form (parseApply, keyIsValid, journalPayload)', () => {
  const cases: {
    name: string;
    body: unknown;
    wantedAuthNo?: string;
    resumeId: number;
    key: boolean;
    journal: boolean;
  }[] = [
    {
      name: 'a resume and a key',
      body: { idempotencyKey: KEY, resumeId: '12' },
      resumeId: 12,
      key: true,
      journal: true,
    },
    { name: 'no resume', body: { idempotencyKey: KEY }, resumeId: 0, key: true, journal: true },
    {
      name: 'a resume that is not a number',
      body: { idempotencyKey: KEY, resumeId: '1e3' },
      resumeId: 0,
      key: true,
      journal: true,
    },
    {
      name: 'past bigint',
      body: { idempotencyKey: KEY, resumeId: '9'.repeat(16) },
      resumeId: 0,
      key: true,
      journal: true,
    },
    { name: 'a short key', body: { idempotencyKey: 'abc', resumeId: '12' }, resumeId: 12, key: false, journal: false },
    { name: 'no body', body: undefined, resumeId: 0, key: false, journal: false },
    {
      name: 'a posting number that cannot be one',
      body: { idempotencyKey: KEY, resumeId: '12' },
      wantedAuthNo: 'K/1',
      resumeId: 12,
      key: true,
      journal: false,
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const form = parseApply(c.body);
      assert.equal(form.resumeId, c.resumeId);
      assert.equal(keyIsValid(form), c.key);
      const payload = journalPayload(c.wantedAuthNo ?? 'K123', form);
      assert.deepEqual(
        payload,
        c.journal ? { wantedAuthNo: c.wantedAuthNo ?? 'K123', resumeId: c.resumeId } : undefined,
      );
    });

  it('applied or already, the posting number encoded', () => {
    assert.equal(appliedRedirect({ created: true, wantedAuthNo: 'K1' }), '/my/applications?applied=K1');
    assert.equal(appliedRedirect({ created: false, wantedAuthNo: 'K 1' }), '/my/applications?already=K%201');
  });
});

describe('전형 진행 (parseMove)', () => {
  const cases: { status: unknown; ok: boolean }[] = [
    { status: 'passed', ok: true },
    { status: 'interview', ok: true },
    { status: 'hired', ok: true },
    { status: 'rejected', ok: true },
    { status: ' hired ', ok: true },
    { status: 'viewed', ok: false },
    { status: 'withdrawn', ok: false },
    { status: '', ok: false },
    { status: ['hired'], ok: false },
  ];
  for (const c of cases)
    it(JSON.stringify(c.status), () => {
      const move = parseMove({ status: c.status });
      assert.equal('error' in move, !c.ok);
      if ('error' in move) assert.match(move.error, /서류합격, 면접, 합격, 불합격 가운데에서 골라 주세요/);
    });
});
