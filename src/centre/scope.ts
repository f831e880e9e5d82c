/** Who acts in 고용센터 업무 and which centre their look is limited to (pure). */
import type { Account } from '../identity/accounts.ts';
import { UserError } from '../web/errors.ts';

/** The staff member acting, and from where (for the audit rows). */
export interface Staff {
  account: Account;
  ip: string;
  userAgent: string;
}

/** The centre a staff member's look is limited to: a counsellor's own, an operator's none (null: all). */
export function scopeOf(account: Account): string | null {
  if (account.kind === 'counsellor') {
    if (!account.centreCode) throw new UserError(403, 'NO_CENTRE', '소속 고용센터가 없는 상담원 계정입니다.');
    return account.centreCode;
  }
  return null;
}
