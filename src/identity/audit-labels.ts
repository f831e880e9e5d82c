/**
 * What the audit log's codes mean, in Korean, for the people who read it (operators, 감사 담당).
 * The codes stay in the database as they are (they are what filters and exports match on); pages
 * show the label, with the code beside it for the record. A code without a label is shown as itself.
 */

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'sign-in': '로그인',
  'sign-out': '로그아웃',
  'sign-out.others': '다른 기기 로그아웃',
  'sign-out.everywhere': '모든 기기 로그아웃',
  'account.sign-up': '회원가입',
  'account.create': '직원 계정 만들기',
  'account.password': '비밀번호 변경',
  'account.password-set': '비밀번호 재설정 (운영자)',
  'account.password-reset': '비밀번호 재설정 (본인)',
  'account.disable': '계정 사용 중지',
  'account.enable': '계정 다시 사용',
  'password.reset-request': '비밀번호 찾기 요청',
  'identity.link': '간편인증 연결',
  'identity.unlink': '간편인증 연결 해제',
  'access.denied': '접근 거부',
  'audit.view': '감사 로그 조회',
  'company.profile': '기업 정보 수정',
  'insurance.workplace': '고용보험 사업장 등록',
  'insurance.reporter': '고용보험 신고 담당자 추가',
  'insurance.acquire': '피보험자격 취득 신고',
  'insurance.lose': '피보험자격 상실 신고',
  'insurance.correct': '피보험자격 신고 정정',
  'insurance.cancel': '피보험자격 신고 취소',
  'insurance.csv': '피보험자격 취득 신고 파일',
  'insurance.csv.lose': '피보험자격 상실 신고 파일',
  'insurance.correct.office': '피보험자격 직권 정정 (확인 청구 인정)',
  'insurance.verify': '본인확인 (고용보험 기록)',
  'insurance.dispute.file': '피보험자격 확인 청구',
  'insurance.dispute.list': '피보험자격 확인 청구 목록 조회',
  'benefits.certificate.request': '이직확인서 요청 (수급자격 신청 대기)',
  'benefits.waiting.list': '이직확인서 대기 신청자 목록 조회',
  'insurance.dispute.view': '피보험자격 확인 청구 열람',
  'insurance.dispute.decide': '피보험자격 확인 청구 결정',
  'insurance.certificate.file': '이직확인서 제출',
  'insurance.certificate.request': '이직확인서 요청',
  'insurance.certificate.list': '이직확인서 요청 목록 조회',
  'insurance.certificate.view': '개인회원 이직확인서 열람',
  'posting.create': '채용공고 등록',
  'posting.edit': '채용공고 수정',
  'posting.open': '채용공고 게시',
  'posting.paused': '채용공고 일시 중지',
  'posting.closed': '채용공고 마감',
  'applicant.view': '지원자 열람',
  'applicant.status': '지원자 상태 변경',
  'applicant.bulk-status': '지원자 상태 한꺼번에 변경',
  'talent.request': '인재 연락 요청',
  'client.list': '내담자 목록 조회',
  'client.view': '내담자 열람',
  'claim.list': '수급자격 신청 목록 조회',
  'claim.view': '수급자격 신청 열람',
  'claim.approve': '수급자격 인정',
  'claim.reject': '수급자격 불인정',
  'claim.note': '심사 메모',
  'recognition.confirm': '실업인정',
  'recognition.reject': '실업인정 불인정',
  'recognition.move': '실업인정일 변경',
  'status.incident.declare': '장애 선언',
  'status.incident.update': '장애 경과 알림',
  'status.maintenance.create': '점검 예고',
  'status.maintenance.cancel': '점검 취소',
  'status.postmortem.save': '사후 보고서 저장',
  'status.postmortem.publish': '사후 보고서 공개',
  'status.action.create': '재발 방지 조치 등록',
  'status.action.update': '재발 방지 조치 갱신',
};

export const AUDIT_TARGET_LABELS: Readonly<Record<string, string>> = {
  account: '계정',
  application: '입사지원',
  centre: '고용센터',
  claim: '수급자격 신청',
  company: '기업',
  posting: '채용공고',
  record_dispute: '피보험자격 확인 청구',
  workplace: '고용보험 사업장',
  insurance_event: '피보험자격 신고',
  separation_certificate: '이직확인서',
  certificate_request: '이직확인서 요청',
  provider: '간편인증 제공자',
  resume: '이력서',
  route: '주소',
  incident: '장애',
  maintenance: '점검',
  corrective_action: '재발 방지 조치',
};

/** '로그인' for 'sign-in'; an unknown code as itself. Own keys only: a code is a stored string. */
export function auditActionLabel(code: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, code) ? (AUDIT_ACTION_LABELS[code] as string) : code;
}

export function auditTargetLabel(type: string): string {
  return Object.hasOwn(AUDIT_TARGET_LABELS, type) ? (AUDIT_TARGET_LABELS[type] as string) : type;
}
