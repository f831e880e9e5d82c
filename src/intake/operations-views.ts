/** 운영 현황 (/admin/operations) pages: the journals, the counters, their offline windows, moved 실업인정일. */
import { formatDateTime, formatDuration } from '../shared/dates.ts';
import { table } from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import type { Journal } from './journal.ts';
import type { OperationsNumbers, Rescheduled } from './operations-store.ts';

/** Who had their 실업인정일 moved, after which outage (an incident or a counter's offline window). */
export function rescheduledTable(rows: readonly Rescheduled[]): Html {
  return table({
    caption: '장애로 실업인정일이 바뀐 수급자: 장애, 수급자, 고용센터, 차수, 원래 날짜, 새 날짜, 결과',
    columns: ['장애', '수급자', '고용센터', '차수', '원래 날짜', '새 날짜', '결과'].map((header) => ({ header })),
    rows: rows.map((r) => [
      r.incidentId === null ? r.title : html`<a href="/admin/status/incidents/${r.incidentId}">${r.title}</a>`,
      r.name,
      r.centre,
      `${r.seq}차`,
      r.fromDate,
      r.toDate ?? '-',
      r.result === 'moved' ? '변경됨 (불이익 없음)' : html`<strong>상담원 확인 필요</strong>: ${r.reason}`,
    ]),
    rowHeaders: false,
  });
}

const KIND: Record<string, string> = { recognition: '실업인정 신청', application: '입사지원', claim: '수급자격 신청' };
const CORRUPT_REASON = { checksum: '체크섬 불일치', unparsable: '읽을 수 없음', invalid: '접수 항목 형식이 아님' };

/**
 * This server's journal files: corrupt lines found on open (never skipped silently: an entry in one is
 * a submission that will not be applied by itself), failed appends, and whether it refuses appends.
 */
export function journalHealth(journal: Pick<Journal, 'corrupt' | 'appendState'>): Html {
  const c = journal.corrupt();
  const { failed, refusing } = journal.appendState();
  const total = c.entries + c.outcomes;
  return html`${refusing.map(
    (r) =>
      html`<p><strong>이 서버의 저널이 새 접수를 받지 않습니다</strong>: 실패한 쓰기를 되돌리지 못했습니다 (${r.file}: ${r.reason}). 디스크를 점검한 뒤 서버를 다시 시작해 주세요.</p>`,
  )}
	${
    total === 0
      ? html`<p>이 서버 저널의 손상된 줄: 없음.</p>`
      : html`<p><strong>이 서버 저널에서 읽지 못한 손상된 줄: ${total}줄</strong> (접수 파일 ${c.entries}줄, 결과 파일 ${c.outcomes}줄). 체크섬이 맞지 않거나 읽을 수 없어 건너뛰지 않고 남겨 둔 줄입니다. 접수 파일의 줄은 자동으로 처리되지 않으니 파일의 해당 줄을 확인해 주세요.</p>
	${table({
    caption: '손상된 저널 줄: 파일, 줄 번호, 이유, 앞부분',
    columns: [{ header: '파일' }, { header: '줄 번호', align: 'right' }, { header: '이유' }, { header: '앞부분' }],
    rows: c.lines.map((l) => [l.file, String(l.lineNo), CORRUPT_REASON[l.reason], html`<code>${l.preview}</code>`]),
    rowHeaders: true,
  })}${c.lines.length < total ? html`<p>처음 ${c.lines.length}줄만 보입니다. 나머지는 서버 로그에 있습니다.</p>` : ''}`
  }
	${
    failed.entries + failed.outcomes > 0
      ? html`<p>시작한 뒤 저널 저장 실패: 접수 ${failed.entries}회, 결과 ${failed.outcomes}회. 실패한 접수는 신청한 분께 접수되지 않았다고 안내했고, 파일은 실패 전 상태로 되돌렸습니다.</p>`
      : ''
  }`;
}

export function operationsPage(
  n: OperationsNumbers,
  extra: {
    /** Submissions waiting in this server's journal. */
    pending: number;
    /** This server's saved pages by kind. */
    saved: { public: number; personal: number };
    journal: Pick<Journal, 'corrupt' | 'appendState'>;
  },
): Html {
  return html`<h1 class="heading-xlarge">장애 대응 현황</h1>
<p>전산 장애 동안 받은 접수가 어디에 얼마나 남아 있는지, 복구 뒤 얼마나 처리되었는지, 누구의 실업인정일이 바뀌었는지 봅니다. 같은 숫자가 <a href="/metrics">/metrics</a>에도 있습니다.</p>
${journalSection(n, extra)}
${countersSection(n)}
${counterOutagesSection(n)}
<section class="ilteo-section" aria-labelledby="r-title">
	<h2 id="r-title" class="heading-medium">실업인정일 자동 변경</h2>
	${n.reschedules.length === 0 ? html`<p>장애로 실업인정일이 바뀐 수급자가 없습니다.</p>` : rescheduledTable(n.reschedules)}
</section>`;
}

type Extra = Parameters<typeof operationsPage>[1];

/** Each app server's journal: what waits, what the replay did, what it set aside. */
function journalSection(n: OperationsNumbers, extra: Extra): Html {
  const replayed = (s: string) => n.replay.find((r) => r.status === s)?.n ?? 0;
  return html`<section class="ilteo-section" aria-labelledby="j-title">
	<h2 id="j-title" class="heading-medium">앱 서버 접수 보관함 (저널)</h2>
	<p>이 서버: 처리 대기 ${extra.pending}건. 최근 24시간 재처리: 처리됨 ${replayed('applied')}건, 확인 필요 ${replayed('review')}건.
	DB 노드가 모두 응답하지 않을 때 보여 줄 화면 저장본: 공개 화면 ${extra.saved.public}개, 회원 본인 화면 ${extra.saved.personal}개.</p>
	${journalHealth(extra.journal)}
	${
    n.journals.length === 0
      ? html`<p>보고한 앱 서버가 없습니다.</p>`
      : table({
          caption: '앱 서버별 보관함: 서버, 처리 대기, 마지막 보고',
          columns: [{ header: '서버' }, { header: '처리 대기', align: 'right' }, { header: '마지막 보고' }],
          rows: n.journals.map((j) => [j.instance, `${j.pending}건`, formatDateTime(j.seenAt)]),
          rowHeaders: true,
        })
  }
	${
    n.reviews.length === 0
      ? ''
      : table({
          caption: '최근 24시간 확인 필요로 남긴 저널 접수: 접수번호, 종류, 서버, 받은 시각, 처리 시각, 사유',
          columns: [
            { header: '접수번호' },
            { header: '종류' },
            { header: '서버' },
            { header: '받은 시각' },
            { header: '처리 시각' },
            { header: '사유' },
          ],
          rows: n.reviews.map((r) => [
            r.receipt,
            KIND[r.kind] ?? r.kind,
            r.instance,
            formatDateTime(r.receivedAt),
            formatDateTime(r.appliedAt),
            r.message,
          ]),
          rowHeaders: true,
        })
  }
</section>`;
}

/** Each centre's counter queues. */
function countersSection(n: OperationsNumbers): Html {
  return html`<section class="ilteo-section" aria-labelledby="c-title">
	<h2 id="c-title" class="heading-medium">고용센터 창구 대기열</h2>
	${
    n.counters.length === 0
      ? html`<p>지난 1시간 동안 보고한 창구와 지난 24시간 받은 창구 접수가 없습니다.</p>`
      : table({
          caption:
            '고용센터별 창구 대기열: 센터, 보고한 창구, 전송 대기, 확인 필요, 가장 오래된 대기, 24시간 받은 접수, 그중 확인 필요',
          columns: [
            { header: '고용센터' },
            { header: '창구', align: 'right' },
            { header: '전송 대기', align: 'right' },
            { header: '확인 필요', align: 'right' },
            { header: '가장 오래된 대기' },
            { header: '24시간 받은 접수', align: 'right' },
            { header: '그중 확인 필요', align: 'right' },
          ],
          rows: n.counters.map((c) => [
            c.centre,
            String(c.counters),
            `${c.waiting}건`,
            `${c.review}건`,
            formatDateTime(c.oldest),
            `${c.received24h}건`,
            `${c.review24h}건`,
          ]),
          rowHeaders: true,
        })
  }
</section>`;
}

/** The counters' offline windows of the last 7 days. */
function counterOutagesSection(n: OperationsNumbers): Html {
  return html`<section class="ilteo-section" aria-labelledby="o-title">
	<h2 id="o-title" class="heading-medium">창구 전산 중단 (최근 7일)</h2>
	<p>창구 PC가 서버와 연결되지 않았던 시간입니다. 다시 연결되면 창구가 스스로 보고하고, 그 고용센터 수급자 중 이 시간에 실업인정일이 있던 미신청자의 실업인정일을 1분 안에 옮깁니다. 5분보다 짧은 끊김은 기록하지 않습니다.</p>
	${
    n.counterOutages.length === 0
      ? html`<p>지난 7일 동안 보고된 창구 전산 중단이 없습니다.</p>`
      : table({
          caption: '창구 전산 중단: 고용센터, 창구, 시작, 끝, 길이, 실업인정일이 바뀐 수급자',
          columns: [
            { header: '고용센터' },
            { header: '창구 (상담원 · PC)' },
            { header: '시작' },
            { header: '끝' },
            { header: '길이', align: 'right' },
            { header: '실업인정일이 바뀐 수급자', align: 'right' },
          ],
          rows: n.counterOutages.map((o) => [
            o.centre,
            `${o.counsellor} · ${o.counterId.slice(0, 8)}`,
            formatDateTime(o.fromAt),
            formatDateTime(o.toAt),
            `${formatDuration(Date.parse(o.toAt) - Date.parse(o.fromAt))}${o.clamped ? ' (7일까지만 반영)' : ''}`,
            o.rescheduled ? `${o.moved}명` : '처리 대기',
          ]),
          rowHeaders: true,
        })
  }
</section>`;
}
