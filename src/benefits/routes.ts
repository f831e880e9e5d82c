/**
 * 실업급여 routes for citizens: 안내 and 예상 수급액 (public), 수급자격 신청 (apply-routes.ts), 내 신청
 * and 실업인정일 변경 (claim-routes.ts), 실업인정 신청 (recognition-routes.ts) — 개인회원 only, each
 * person only their own claims; another's answers 404.
 */
import type { FastifyInstance } from 'fastify';
import { allow } from '../identity/access.ts';
import { sendPage } from '../web/page.ts';
import { applyRoutes } from './apply-routes.ts';
import { estimate } from './calculate.ts';
import { claimRoutes } from './claim-routes.ts';
import { emptyClaimForm, parseClaimForm } from './form.ts';
import { recognitionRoutes } from './recognition-routes.ts';
import { type BenefitsRouteDeps, crumbs } from './route-support.ts';
import { benefitsHome, estimatePage } from './views.ts';

export type { BenefitsRouteDeps };

export function benefitsRoutes(app: FastifyInstance, deps: BenefitsRouteDeps): void {
  publicPages(app, deps);
  applyRoutes(app, deps);
  claimRoutes(app, deps);
  recognitionRoutes(app, deps);
}

/** 안내 (with the signed-in claimant's claims) and 예상 수급액, without signing in. */
function publicPages(app: FastifyInstance, { benefits }: BenefitsRouteDeps): void {
  app.get('/benefits', allow('public'), async (request, reply) => {
    const account = request.identity?.account;
    const claims = account?.kind === 'seeker' ? await benefits.claimsOf(account.id) : null;
    return sendPage(request, reply, {
      title: '실업급여',
      breadcrumbs: [{ label: '실업급여' }],
      main: benefitsHome({ signedInClaims: claims }),
    });
  });

  app.get('/benefits/estimate', allow('public'), async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const today = benefits.today();
    const submitted = typeof query.separationDate === 'string';
    const parsed = submitted ? parseClaimForm(query, today) : null;
    let errors = parsed && !parsed.ok ? parsed.errors : {};
    let result = null;
    if (parsed?.ok) {
      try {
        result = estimate(parsed.facts, today);
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        errors = { separationDate: err.message };
      }
    }
    if (Object.keys(errors).length > 0) reply.status(400);
    return sendPage(request, reply, {
      title: '예상 수급액 계산',
      breadcrumbs: crumbs('예상 수급액'),
      main: estimatePage({ values: parsed?.values ?? emptyClaimForm(), errors, result, reportDate: today }),
    });
  });
}
