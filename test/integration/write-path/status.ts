/**
 * Write-path cases: the operators' status desk (src/status/admin.ts) — incidents declared by hand,
 * their updates, postmortems and corrective actions, and announced maintenance windows.
 * The harness's clock is 2026-12-02T01:00Z (10:00 in Seoul); the app runs without a status runner.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { form, type Kit, type WriteCase } from '../../support/write-path.ts';

/** A declared (manual) incident of 채용정보, as POST /admin/status/incidents writes it, with its first update. */
async function incident(kit: Kit, authorId: number, options: { resolved?: boolean } = {}): Promise<number> {
  const dedupe = `manual:${randomUUID()}`;
  const [row] = await kit.database.query<{ id: number }>(
    sql`INSERT INTO incidents (dedupe_key, component, services, impact, title, cause, automatic, started_at, resolved_at)
        VALUES (${dedupe}, 'manual', ARRAY['jobs']::text[], 'partial', ${`채용정보 검색 지연 ${kit.unique('i')}`},
                '검색 색인 재구성', false, '2026-12-01T23:10:00Z', ${options.resolved ? '2026-12-02T00:20:00Z' : null})
        RETURNING id::int AS id`,
  );
  if (!row) throw new Error('incident not inserted');
  await kit.database.query(
    sql`INSERT INTO incident_updates (incident_id, status, body, author_id, dedupe_key, created_at)
        VALUES (${row.id}, ${options.resolved ? 'resolved' : 'investigating'}, '채용정보 검색이 느립니다.', ${authorId},
                ${`${dedupe}:first`}, '2026-12-01T23:15:00Z')`,
  );
  return row.id;
}

export const STATUS_CASES: Record<string, WriteCase> = {
  'POST /admin/status/incidents': {
    async prepare(kit) {
      const { client } = await kit.signedIn('operator');
      return {
        client,
        url: '/admin/status/incidents',
        form: form({
          services: 'benefits',
          title: '고용센터 연계 중단',
          impact: 'partial',
          cause: '연계 기관 회선 장애',
          startedAt: '2026-12-02T08:40',
          resolvedAt: '2026-12-02T09:30',
          body: '고용센터 연계가 50분 동안 중단되었습니다.',
        }),
      };
    },
  },
  'POST /admin/status/maintenance': {
    async prepare(kit) {
      const { client } = await kit.signedIn('operator');
      return {
        client,
        url: '/admin/status/maintenance',
        form: form({
          title: '데이터베이스 정기 점검',
          components: 'database',
          startsAt: '2026-12-05T02:00',
          endsAt: '2026-12-05T04:00',
          description: '점검 중에는 실업인정 신청이 잠시 멈춥니다.',
        }),
      };
    },
  },
  'POST /admin/status/maintenance/:id/cancel': {
    async prepare(kit) {
      const operator = await kit.signedIn('operator');
      const [row] = await kit.database.query<{ id: number }>(
        sql`INSERT INTO maintenance_windows (title, description, components, starts_at, ends_at, author_id, idempotency_key)
            VALUES ('웹 애플리케이션 배포', '', ARRAY['app']::text[], '2026-12-06T17:00:00Z', '2026-12-06T18:00:00Z',
                    ${operator.id}, ${randomUUID()})
            RETURNING id::int AS id`,
      );
      return { client: operator.client, url: `/admin/status/maintenance/${row?.id}/cancel`, form: {} };
    },
  },
  'POST /admin/status/incidents/:id/updates': {
    async prepare(kit) {
      const operator = await kit.signedIn('operator');
      const id = await incident(kit, operator.id);
      // 해결: the update and the declared incident's recovery time, in one command.
      return {
        client: operator.client,
        url: `/admin/status/incidents/${id}/updates`,
        form: form({ status: 'resolved', body: '검색 색인 재구성이 끝나 정상으로 돌아왔습니다.' }),
      };
    },
  },
  'POST /admin/status/incidents/:id/postmortem': {
    async prepare(kit) {
      const operator = await kit.signedIn('operator');
      const id = await incident(kit, operator.id, { resolved: true });
      return {
        client: operator.client,
        url: `/admin/status/incidents/${id}/postmortem`,
        form: form({
          summary: '채용정보 검색이 70분 동안 느렸습니다.',
          impact: '검색 응답 시간 평균 8초',
          rootCause: '검색 색인 재구성 중 잠금 경합',
          publish: 'yes',
        }),
      };
    },
  },
  'POST /admin/status/incidents/:id/actions': {
    async prepare(kit) {
      const operator = await kit.signedIn('operator');
      const id = await incident(kit, operator.id, { resolved: true });
      return {
        client: operator.client,
        url: `/admin/status/incidents/${id}/actions`,
        form: form({ title: '색인 재구성을 야간 배치로 옮기기', owner: '검색팀', dueDate: '2026-12-31' }),
      };
    },
  },
  'POST /admin/status/actions/:id': {
    async prepare(kit) {
      const operator = await kit.signedIn('operator');
      const id = await incident(kit, operator.id, { resolved: true });
      const [row] = await kit.database.query<{ id: number }>(
        sql`INSERT INTO corrective_actions (incident_id, title, owner, due_date, idempotency_key)
            VALUES (${id}, '검색 지연 경보 추가', '운영팀', '2026-12-15', ${randomUUID()})
            RETURNING id::int AS id`,
      );
      return {
        client: operator.client,
        url: `/admin/status/actions/${row?.id}`,
        form: form({ status: 'done', verification: '부하 시험에서 경보가 울리는 것을 확인' }),
      };
    },
  },
};
