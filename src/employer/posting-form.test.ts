import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ageRequirement, POSTING_FIELDS, parsePostingForm } from './posting-form.ts';

const TODAY = '2026-11-25';
const good = {
  title: '물류센터 입출고 관리 사원',
  jobsCd: '026',
  salTpCd: 'M',
  minSal: '2,600,000',
  maxSal: '3,000,000',
  workHoursPerDay: '8',
  workHoursPerWeek: '40',
  holidayTpCd: '1',
  regionCd: '11680',
  zipCd: '06164',
  basicAddr: '서울특별시 강남구 테헤란로 152',
  minEdubg: '03',
  career: 'Z',
  empTpCd: '10',
  closeDt: '2026-12-31',
  jobCont: '- 입출고 관리\n- 재고 조사',
  selMthd: '서류 > 면접',
  rcptMthd: '일터 입사 지원',
  collectPsncnt: '2',
  contactName: '인사담당 김○○',
  contactTelno: '02-1234-5678',
};

describe('채용공고 form', () => {
  it('reads a good posting', () => {
    const r = parsePostingForm(good, TODAY);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.equal(r.value.minSal, 2_600_000);
    assert.equal(r.value.closeDt, '2026-12-31');
  });
  const bad: [string, Record<string, string>, string, RegExp][] = [
    ['monthly wage under the minimum', { minSal: '2,000,000' }, 'minSal', /월급 2,156,880원 이상/],
    ['hourly wage under the minimum', { salTpCd: 'H', minSal: '10000', maxSal: '' }, 'minSal', /시급 10,320원 이상/],
    [
      'part-time daily wage',
      { salTpCd: 'D', minSal: '40000', maxSal: '', workHoursPerDay: '4', workHoursPerWeek: '20' },
      'minSal',
      /일급 41,280원 이상/,
    ],
    ['max below min', { maxSal: '2,500,000' }, 'maxSal', /최소 임금보다 적습니다/],
    ['9 hours a day', { workHoursPerDay: '9' }, 'workHoursPerDay', /1~8시간/],
    ['45 hours a week', { workHoursPerWeek: '45' }, 'workHoursPerWeek', /1~40시간/],
    ['past deadline', { closeDt: '2026-11-01' }, 'closeDt', /이미 지났습니다/],
    ['unknown occupation', { jobsCd: '999' }, 'jobsCd', /직종/],
    ['unknown region', { regionCd: '99999' }, 'regionCd', /시군구/],
    ['bad phone', { contactTelno: '1234' }, 'contactTelno', /02-1234-5678/],
    ['age in the title', { title: '물류 사원 (35세 이하)' }, 'title', /고령자고용법/],
    ['age range in the duties', { jobCont: '20~35세 남성 우대' }, 'jobCont', /연령을 조건으로/],
    ['age by decade', { pfCond: '20대 환영' }, 'pfCond', /연령을 조건으로/],
    ['birth year', { pfCond: '1995년생 이후' }, 'pfCond', /연령을 조건으로/],
    ['experienced without months', { career: 'E' }, 'minCareerMonths', /최소 경력/],
    [
      'age and sex at once',
      { pfCond: '35세 이하 여성만 지원 가능합니다' },
      'pfCond',
      /고령자고용법 제4조의4.*'여성만'처럼 성별을 조건으로 할 수 없습니다 \(남녀고용평등법 제7조 제1항/,
    ],
    ['sex in the title', { title: '홀 서빙 여직원 모집' }, 'title', /남녀고용평등법 제7조 제1항/],
    [
      'height and weight in the duties',
      { jobCont: '안내 데스크 (키 165cm 이상, 용모단정)' },
      'jobCont',
      /신체 조건.*남녀고용평등법 제7조 제2항, 채용절차법 제4조의3 제1호/,
    ],
    ['unmarried only', { pfCond: '미혼자 우대' }, 'pfCond', /혼인 여부.*채용절차법 제4조의3 제2호/],
    ['origin asked', { selMthd: '서류(출신지역 기재) > 면접' }, 'selMthd', /출신 지역.*채용절차법 제4조의3 제2호/],
    ['property asked', { etcWelfare: '재산 정도에 따라 수당 지급' }, 'etcWelfare', /재산.*채용절차법 제4조의3 제2호/],
    ['family asked', { selMthd: '서류(부모님 직업 기재)' }, 'selMthd', /채용절차법 제4조의3 제3호/],
  ];
  for (const [name, change, field, message] of bad)
    it(`refuses ${name}, in Korean, keeping the input`, () => {
      const r = parsePostingForm({ ...good, ...change }, TODAY);
      assert.ok(!r.ok);
      assert.match(r.errors[field] ?? '', message);
      for (const [k, v] of Object.entries(change)) assert.equal(r.values[k as keyof typeof r.values], v.trim());
    });
  it('ordinary text naming the same words passes', () => {
    const r = parsePostingForm(
      {
        ...good,
        title: '여성복 매장 판매 사원',
        jobCont: '- 남성 의류 매장 판매\n- 키오스크 주문 안내\n- 재산세 고지서 발송 보조',
        pfCond: '경력단절 여성 우대, 남녀 무관, 나이 무관',
        etcWelfare: '여성 전용 휴게실, 가족수당, 어린이집 지원',
      },
      TODAY,
    );
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  });
  it('채용시까지 needs no deadline', () => {
    const r = parsePostingForm({ ...good, closeDt: '', untilFilled: 'yes' }, TODAY);
    assert.ok(r.ok);
    assert.equal(r.value.closeDt, null);
  });
  it('ordinary text is not mistaken for an age requirement', () => {
    for (const t of ['경력 3년 이상', '주 40시간', '4대보험 가입', '2교대 근무', '월 230만원', '연차 15일'])
      assert.equal(ageRequirement(t), null, t);
  });
  it('never accepts a wage under the minimum, whatever the hours', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 16 }).map((h) => h / 2),
        fc.integer({ min: 0, max: 100_000 }),
        (hours, wage) => {
          const r = parsePostingForm(
            {
              ...good,
              salTpCd: 'D',
              minSal: String(wage),
              maxSal: '',
              workHoursPerDay: String(hours),
              workHoursPerWeek: String(Math.min(40, hours * 5)),
            },
            TODAY,
          );
          if (r.ok) assert.ok(r.value.minSal >= Math.ceil(10_320 * hours));
        },
      ),
    );
  });
  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...POSTING_FIELDS), fc.oneof(fc.string(), fc.integer())),
        (raw) => void parsePostingForm(raw, TODAY),
      ),
    );
  });
});
