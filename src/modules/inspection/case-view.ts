import type { CaseRow, PartyRow, TeamMember } from './cases.repository.js';
import { caseClocks, type CaseClock, type CaseFacts } from './case-rules.js';
import type { Names } from './inspection.context.js';
import type { IsoDay, IsWorkingDay } from './rules/calendar.js';

/**
 * What the API answers for a case. The petitioner's identity is a separate argument, given only when
 * the service decided the caller may see it: a list never passes one, so no list can carry it.
 */
export function factsOf(row: CaseRow): CaseFacts {
  return {
    kind: row.kind, receivedOn: row.received_on, learnedOn: row.learned_on, acceptedOn: row.accepted_on, refusedOn: row.refused_on, concludedOn: row.concluded_on,
    complexity: row.complexity, remoteArea: row.remote_area, severalPlaces: row.several_places, extensions: row.extension_days,
  };
}

/** The clock that matters next: the first one still running or overdue, else the last one. */
function headline(clocks: CaseClock[]): CaseClock | null {
  return clocks.find((c) => c.state === 'running' || c.state === 'overdue') ?? clocks[clocks.length - 1] ?? null;
}

export function caseSummary(row: CaseRow, names: Names, isWorking: IsWorkingDay, today: IsoDay) {
  const clocks = caseClocks(factsOf(row), isWorking, today);
  const subject = names.staff(row.subject_staff_id);
  return {
    id: row.id, version: row.version, kind: row.kind, status: row.status, receivedOn: row.received_on, channel: row.channel,
    handlingUnitId: row.handling_unit_id, handlingUnitName: names.unit(row.handling_unit_id),
    subjectUnitId: row.subject_unit_id, subjectUnitName: names.unit(row.subject_unit_id),
    subjectStaff: subject ? { id: subject.id, fullName: subject.fullName } : null,
    summary: row.summary, acceptedOn: row.accepted_on, concludedOn: row.concluded_on, outcome: row.outcome, published: row.published,
    nextClock: headline(clocks),
  };
}

export type PartyView = { fullName: string; idNumber: string | null; address: string | null; phone: string | null; email: string | null };

export function partyView(row: PartyRow, open: (sealed: string) => string): PartyView {
  return { fullName: row.full_name, idNumber: row.id_number_sealed ? open(row.id_number_sealed) : null, address: row.address, phone: row.phone, email: row.email };
}

type EventRow = { id: string; at: Date; action: string; actor_name: string; note: string | null; details: Record<string, unknown> };

export function caseDetail(
  row: CaseRow,
  x: { names: Names; team: TeamMember[]; party: PartyView | null; identityProtected: boolean; onTeam: boolean; events: EventRow[]; allowedActions: string[]; isWorking: IsWorkingDay; today: IsoDay },
) {
  return {
    ...caseSummary(row, x.names, x.isWorking, x.today),
    sourceRef: row.source_ref, learnedOn: row.learned_on, refusedOn: row.refused_on, refusalReason: row.refusal_reason,
    remoteArea: row.remote_area, complexity: row.complexity, severalPlaces: row.several_places, extensions: row.extension_days,
    conclusion: row.conclusion, decisionNo: row.decision_no, decisionDate: row.decision_date, publishedOn: row.published_on,
    // null for everyone outside the team when the identity is protected (and then for the team too if none was recorded).
    party: x.party,
    identityProtected: x.identityProtected,
    onTeam: x.onTeam,
    team: x.team.map((m) => ({ staffId: m.staffId, role: m.role, fullName: x.names.staff(m.staffId)?.fullName ?? '' })),
    clocks: caseClocks(factsOf(row), x.isWorking, x.today),
    events: x.events.map((e) => ({ id: Number(e.id), at: e.at.toISOString(), action: e.action, actorName: e.actor_name, note: e.note, details: e.details })),
    allowedActions: x.allowedActions,
  };
}
