/**
 * The operators' status desk: what the pages show and the writes they make, each with its audit row.
 * Called inside a command (src/web/commands.ts), so a change and its audit share the command's
 * transaction through the command-aware database (src/db/commands.ts).
 */
import type { Database } from '../db/index.ts';
import { type Actor, auditBy } from '../identity/audit.ts';
import { rescheduled } from '../intake/operations-store.ts';
import { seoulTime, seoulToday } from '../shared/dates.ts';
import { UserError } from '../web/errors.ts';
import type { Declared } from './admin-forms.ts';
import type { IncidentRow } from './admin-store.ts';

export type { IncidentRow };

import * as store from './admin-store.ts';
import type { UpdateStatus } from './store.ts';

export type { Actor };

export type MeasuredImpact = Awaited<ReturnType<typeof store.impactCounts>> & { text: string };

/**
 * The incident's impact measured from Ilteo's own records in its window: failed sign-ins, 실업인정일
 * that fell in it, and 실업인정일 moved because of an outage.
 */
export async function measuredImpact(
  database: Pick<Database, 'query'>,
  window: { startedAt: string; resolvedAt: string | null },
  now: Date,
): Promise<MeasuredImpact> {
  const from = new Date(window.startedAt).toISOString();
  const to = new Date(window.resolvedAt ?? now.toISOString()).toISOString();
  const counts = await store.impactCounts(database, {
    from,
    to,
    fromDay: seoulToday(new Date(from)),
    toDay: seoulToday(new Date(to)),
  });
  const text = [
    `- 로그인 시도 ${counts.signIns}건 중 실패 ${counts.failedSignIns}건 (${seoulTime(from)} ~ ${seoulTime(to)})`,
    `- 이 기간에 실업인정일이 있던 건 ${counts.recognitionsDue}건`,
    `- 장애로 실업인정일이 변경된 건 ${counts.recognitionsMoved}건`,
  ].join('\n');
  return { ...counts, text };
}

type Deps = { database: Database; now: () => Date };
type Log = (actor: Actor, action: string, target: { type: string; id: number | string }) => Promise<void>;

export function createStatusAdminService(deps: Deps) {
  const log: Log = (actor, action, target) => auditBy(deps.database, actor, action, { target });
  return { ...deskReads(deps), ...maintenanceWrites(deps, log), ...incidentWrites(deps, log) };
}

export type StatusAdminService = ReturnType<typeof createStatusAdminService>;

/** What the desk's pages show. */
function deskReads({ database, now }: Deps) {
  return {
    /** The desk's first page: incidents, maintenance windows, overdue corrective actions. */
    async overview() {
      const [incidents, windows, overdue] = await Promise.all([
        store.recentIncidents(database),
        store.recentMaintenance(database),
        store.overdueActions(database, seoulToday(now())),
      ]);
      return { incidents, windows, overdue };
    },

    /** The incident with this id (from the URL), or 404. */
    async incident(raw: string): Promise<IncidentRow> {
      const id = Number(raw);
      const incident = Number.isSafeInteger(id) ? await store.findIncident(database, id) : undefined;
      if (!incident) throw new UserError(404, 'NOT_FOUND', '장애 기록을 찾을 수 없습니다.');
      return incident;
    },

    /** One incident's desk: its updates, postmortem, corrective actions, measured impact, moved 실업인정일. */
    async desk(incident: IncidentRow) {
      const [updates, postmortem, actions, impact, reschedules] = await Promise.all([
        store.incidentUpdates(database, incident.id),
        store.postmortemOf(database, incident.id),
        store.correctiveActions(database, incident.id),
        measuredImpact(database, incident, now()),
        rescheduled(database, { incidentId: incident.id }),
      ]);
      return { updates, postmortem, actions, impact, reschedules };
    },
  };
}

/** Maintenance windows announced and cancelled, each with its audit row. */
function maintenanceWrites({ database }: Deps, log: Log) {
  return {
    async announce(
      m: { key: string; title: string; description: string; components: string[]; startsAt: string; endsAt: string },
      actor: Actor,
    ): Promise<number> {
      const id = await store.insertMaintenance(database, { ...m, authorId: actor.id });
      await log(actor, 'status.maintenance.create', { type: 'maintenance', id });
      return id;
    },

    async cancelMaintenance(raw: string, actor: Actor): Promise<void> {
      const id = Number(raw);
      // Inside the command a refusal rolls back: nothing changed and nothing is stored for the key.
      if (!Number.isSafeInteger(id) || !(await store.cancelMaintenance(database, id)))
        throw new UserError(404, 'NOT_FOUND', '점검 일정을 찾을 수 없습니다.');
      await log(actor, 'status.maintenance.cancel', { type: 'maintenance', id });
    },
  };
}

/** Incidents declared and updated, postmortems and corrective actions, each with its audit row. */
function incidentWrites({ database, now }: Deps, log: Log) {
  return {
    async declare(d: Declared, actor: Actor): Promise<number> {
      const incidentId = await store.insertDeclaredIncident(database, {
        ...d,
        authorId: actor.id,
        at: now().toISOString(),
      });
      await log(actor, 'status.incident.declare', { type: 'incident', id: incidentId });
      return incidentId;
    },

    /** An operator resolves a declared incident; automatic ones close when the monitors see recovery. */
    async postUpdate(incident: IncidentRow, u: { key: string; status: UpdateStatus; body: string }, actor: Actor) {
      await store.insertUpdate(database, {
        incidentId: incident.id,
        ...u,
        authorId: actor.id,
        at: now().toISOString(),
        resolve: u.status === 'resolved' && !incident.automatic,
      });
      await log(actor, 'status.incident.update', { type: 'incident', id: incident.id });
    },

    async savePostmortem(
      incident: IncidentRow,
      p: { summary: string; impact: string; rootCause: string; publish: boolean },
      actor: Actor,
    ) {
      await store.upsertPostmortem(database, { incidentId: incident.id, ...p, at: now().toISOString() });
      await log(actor, p.publish ? 'status.postmortem.publish' : 'status.postmortem.save', {
        type: 'incident',
        id: incident.id,
      });
    },

    async addAction(
      incident: IncidentRow,
      a: { key: string; title: string; owner: string; dueDate: string },
      actor: Actor,
    ) {
      await store.insertAction(database, { incidentId: incident.id, ...a });
      await log(actor, 'status.action.create', { type: 'incident', id: incident.id });
    },

    /** The action's incident id; 404 (rolled back) when there is no such action. */
    async updateAction(
      raw: string,
      a: { status: store.ActionStatus; verification: string },
      actor: Actor,
    ): Promise<number> {
      const id = Number(raw);
      const incidentId = Number.isSafeInteger(id)
        ? await store.updateAction(database, { id, ...a, at: now().toISOString() })
        : undefined;
      if (incidentId === undefined) throw new UserError(404, 'NOT_FOUND', '조치를 찾을 수 없습니다.');
      await log(actor, 'status.action.update', { type: 'corrective_action', id });
      return incidentId;
    },
  };
}
