/**
 * The bulk 취득신고 and 상실신고 file pages: the column layout, the text box the file is pasted into (the app takes
 * no file uploads: a file input cannot be read without JavaScript), and what the file came to — the
 * rows filed and each bad row's errors. Pasted text is never shown back: it holds 주민등록번호.
 */

import { formatNumber } from '../shared/korean.ts';
import { alert, button, errorSummary, linkButton, table, textarea } from '../web/components.ts';
import { type Html, html } from '../web/html.ts';
import { csrfField } from '../web/security.ts';
import { CSV_COLUMNS, type CsvError, LOSS_CSV_COLUMNS, MAX_ROWS } from './csv.ts';
import type { CsvResult } from './csv-file.ts';
import type { Workplace } from './employer-service.ts';
import { workplaceHref } from './employer-views.ts';
import { formatManagementNo } from './management-no.ts';

export type FileKind = 'acquire' | 'lose';

/** Each file's words: its name, the path it is sent to, its columns with how each is written. */
const FILES: Record<
  FileKind,
  {
    name: string;
    path: string;
    date: string;
    columns: readonly { key: string; header: string; example: string }[];
    how: Record<string, string>;
  }
> = {
  acquire: {
    name: '취득 신고',
    path: 'upload',
    date: '취득일',
    columns: CSV_COLUMNS,
    how: {
      personName: '근로자 성명',
      rrn: '숫자 13자리, 하이픈은 있어도 없어도 됩니다',
      acquiredOn: '2026-03-02 또는 20260302',
      monthlyWage: '원 단위 숫자',
      dailyHours: '0.5시간 단위, 8시간까지',
      occupationCd: '한국고용직업분류 소분류 3자리',
    },
  },
  lose: {
    name: '상실 신고',
    path: 'upload-loss',
    date: '상실일',
    columns: LOSS_CSV_COLUMNS,
    how: {
      personName: '근로자 성명',
      rrn: '숫자 13자리 (이 사업장에 취득 신고된 근로자)',
      lostOn: '이직한 날의 다음 날: 2026-11-01 또는 20261101',
      lossCode: '구체적 사유 코드 (예: 23-1), 구체적 사유가 없는 코드는 그대로 (예: 42)',
      lossReason: '구체적 사유, 500자까지',
      monthlyWage: '원 단위 숫자 (그해의 월평균보수)',
    },
  },
};

function layout(kind: FileKind): Html {
  const f = FILES[kind];
  return table({
    caption: '파일 양식: 열 이름(첫 줄 머리글), 적는 법, 예',
    captionVisible: true,
    columns: [{ header: '열 이름' }, { header: '적는 법' }, { header: '예' }],
    rows: f.columns.map((c) => [c.header, f.how[c.key] ?? '', c.example]),
    rowHeaders: true,
  });
}

/** The title of a file's page. */
export const fileTitle = (kind: FileKind, result = false) =>
  `${FILES[kind].name} 파일 ${result ? '처리 결과' : '올리기'}`;

export function errorsTable(errors: readonly CsvError[]): Html {
  return table({
    caption: `잘못된 줄 ${errors.length}건: 줄 번호, 열, 고칠 내용`,
    captionVisible: true,
    columns: [{ header: '줄' }, { header: '열' }, { header: '고칠 내용', width: 'wide' }],
    rows: errors.map((e) => [`${e.row}행`, e.column, e.message]),
    rowHeaders: true,
  });
}

/** The paste form; after a refused file, its message (and bad rows) with the box empty again. */
export function uploadPage(
  w: Workplace,
  kind: FileKind,
  s: { error?: string; rowErrors?: readonly CsvError[]; token: string },
): Html {
  const f = FILES[kind];
  const errors: Record<string, string> = s.error ? { csv: s.error } : {};
  return html`<h1 class="heading-xlarge">${fileTitle(kind)}</h1>
<p>${w.name} · 사업장관리번호 ${formatManagementNo(w.managementNo)}</p>
<p>여러 근로자의 ${f.name}를 한 번에 합니다. 엑셀 등에서 CSV(쉼표로 구분)로 저장한 파일을 메모장으로 열어, 내용 전체를 아래 칸에 붙여 넣어 주세요. 첫 줄은 머리글, 그다음부터 한 줄에 한 사람입니다 (한 번에 ${formatNumber(MAX_ROWS)}명까지). 맞게 적은 줄은 바로 신고되고, 잘못된 줄은 줄 번호와 함께 알려 드립니다. 같은 파일을 다시 보내도 두 번 신고되지 않습니다.</p>
${layout(kind)}
${errorSummary(errors)}
${s.rowErrors && s.rowErrors.length > 0 ? errorsTable(s.rowErrors) : null}
${s.error ? alert({ variant: 'info', title: '보안을 위해 붙여 넣은 내용(주민등록번호 포함)은 다시 보여 드리지 않습니다. 고친 파일을 다시 붙여 넣어 주세요.' }) : null}
<form method="post" action="${workplaceHref(w)}/${f.path}" novalidate>
	${csrfField(s.token)}
	${textarea('csv', '파일 내용', '', 400_000, s.error, `예: ${f.columns.map((c) => c.header).join(',')}`)}
	<div class="ilteo-actions">${button({ label: '파일 신고', type: 'submit', size: 'large' })} ${linkButton({ href: workplaceHref(w), label: '돌아가기', variant: 'secondary', size: 'large' })}</div>
</form>`;
}

/** What the file came to. */
export function uploadResultPage(w: Workplace, kind: FileKind, r: CsvResult): Html {
  const f = FILES[kind];
  return html`<h1 class="heading-xlarge">${fileTitle(kind, true)}</h1>
<p>${w.name} · 사업장관리번호 ${formatManagementNo(w.managementNo)}</p>
${alert({
  variant: r.errors.length > 0 ? 'warning' : 'success',
  role: 'status',
  title: `${r.total}줄 가운데 ${r.filed.length}명을 신고했습니다${r.errors.length > 0 ? `. 잘못된 줄 ${new Set(r.errors.map((e) => e.row)).size}줄은 신고하지 않았습니다` : ''}.`,
  body: '같은 파일을 다시 보내도 두 번 신고되지 않습니다. 잘못된 줄만 고쳐 새 파일로 보내 주세요.',
})}
${r.errors.length > 0 ? errorsTable(r.errors) : null}
${
  r.filed.length > 0
    ? table({
        caption: `신고한 근로자 ${r.filed.length}명: 줄, 성명, 주민등록번호(가림), ${f.date}, 기한, 지연`,
        captionVisible: true,
        columns: [
          { header: '줄' },
          { header: '성명' },
          { header: '주민등록번호' },
          { header: f.date },
          { header: '기한' },
          { header: '지연' },
        ],
        rows: r.filed.map((x) => [
          `${x.row}행`,
          x.personName,
          x.personMasked,
          x.on,
          x.dueOn,
          x.late ? '기한 지남' : '기한 내',
        ]),
        rowHeaders: true,
      })
    : null
}
<div class="ilteo-actions">${linkButton({ href: workplaceHref(w), label: '사업장 신고 내역', variant: 'primary' })} ${linkButton({ href: `${workplaceHref(w)}/${f.path}`, label: '다른 파일 올리기', variant: 'secondary' })}</div>`;
}
