import { AppError, errors } from '../http/app-error.js';

/**
 * Central access policy (DESIGN "Access"): a role is granted to a staff member at an org unit and
 * covers that unit's whole subtree. Services ask here; routes never decide.
 */
export const ROLES = ['admin', 'unit_head', 'specialist', 'desk_officer', 'auditor', 'hr_officer', 'clerk'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org.read', 'org.manage', 'staff.read', 'staff.manage', 'audit.read',
  'calendar.manage', 'catalog.manage',
  'dossier.read', 'dossier.receive', 'dossier.process', 'dossier.assign',
  // Signing the decision: only the competent unit's leadership records a dossier's result.
  'dossier.approve',
  // Data-subject requests (Decree 356/2025): received at the desk, handled by the unit.
  'privacy.manage',
  // Feedback (PAKN, issue 12): read, handle (classify, assign, draft), approve and publish answers, configure.
  'feedback.read', 'feedback.handle', 'feedback.approve', 'feedback.manage',
  // Statistics and statutory reports (form II.06a) over a unit's subtree: leadership and inspection
  // read them; staff who only process dossiers do not (docs/reports.md, "Who sees reports").
  'report.read',
  // The province's reading of the Decision 766 index (versions of its definition): administrators only.
  'report.manage',
  // Directives and assigned tasks (issue 15): read documents and tasks; register a document and break it
  // into tasks (the tracking unit); assign a task of one's unit to a person, report on it and ask for its
  // completion (the lead unit's head); approve or return a completion, cancel, move a task (the assigner).
  'directive.read', 'directive.register', 'directive.assign', 'directive.approve',
  // PAR index (issue 16): read a unit's sheet; self-score it and attach evidence; approve and submit it
  // (the unit head); appraise the criteria one's unit is responsible for; run the year's round — sets,
  // stages, council, survey, publication — at the organising unit (the Department of Home Affairs).
  'par.read', 'par.score', 'par.submit', 'par.appraise', 'par.manage',
  // Personnel (issue 17): read civil-servant records of a unit (each view by someone other than the person
  // and HR is logged with its reason); keep them, propose the unit's job-position scheme, record movements
  // and grants (the HR officer); approve ratings, and at the Department of Home Affairs the schemes (the head).
  'personnel.read', 'personnel.manage', 'personnel.approve',
  // Complaints and denunciations (issue 18): read the cases a unit handles (the petitioner's identity only
  // for the case's team); receive, classify, accept and verify them; sign what the head signs — an
  // extension, the decision or conclusion, its publication — and choose the team.
  'complaint.read', 'complaint.handle', 'complaint.decide',
  // Discipline of officials (Decree 172/2025): read a unit's cases (the official reads their own, never the
  // council's deliberations); prepare them — steps, deferrals, council, ballot — (HR and the head); decide.
  'discipline.read', 'discipline.manage', 'discipline.decide',
  // Inspection plans and inspections (issue 18 scope 1): read the plans and inspections of a unit's subtree
  // as the inspecting unit (and, once concluded, those of which one's unit is the inspected or responsible
  // unit); draft plans, open inspections, set their teams and report on recommendations addressed to one's
  // unit; approve plans and their amendments, sign conclusions, accept or return recommendations. The team
  // of an inspection reads and keeps its record without any of these.
  'inspection.read', 'inspection.manage', 'inspection.conclude',
  // Official documents (văn thư, issue 19): read a unit's registers and documents (a confidential one only
  // by its handlers and the leadership); draft an outgoing document; approve and sign it, route an
  // incoming one to its handlers, approve file lists and disposal (the head); number and release,
  // register arrivals, receive, return and recall through the exchange, keep the file list (the records office).
  'document.read', 'document.draft', 'document.sign', 'document.register',
  // Quality management to TCVN ISO 9001 (issue 20): read an agency's QMS (everyone who works there: the
  // processes are how they work); keep it — scope, objectives, processes, document drafts, audits,
  // nonconformities, review drafts — (the ISO secretary, a specialist, and the head); approve documents
  // and the policy, record the announcement, hold the management review (the head).
  'qms.read', 'qms.manage', 'qms.approve',
  // The reform budget (Directive 16 item 7e): read a unit's budget lines and the yearly summary; keep them.
  'budget.read', 'budget.manage',
  // Reviewing and simplifying procedures (issue 21): read the compliance costs, review forms and
  // simplification plans of an agency (everyone who works there); fill review forms, keep the yearly
  // review plan and draft simplification plans (specialists and the head); approve them (the head).
  'review.read', 'review.manage', 'review.approve',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['org.read', 'staff.read', 'dossier.read', 'feedback.read', 'directive.read', 'par.read', 'qms.read', 'review.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  unit_head: [...READ, 'staff.manage', 'dossier.process', 'dossier.assign', 'dossier.approve', 'dossier.receive', 'audit.read', 'privacy.manage', 'feedback.handle', 'feedback.approve', 'report.read',
    'directive.register', 'directive.assign', 'directive.approve', 'par.score', 'par.submit', 'par.appraise', 'par.manage', 'personnel.read', 'personnel.approve',
    'complaint.read', 'complaint.handle', 'complaint.decide', 'discipline.read', 'discipline.manage', 'discipline.decide',
    'inspection.read', 'inspection.manage', 'inspection.conclude', 'document.read', 'document.draft', 'document.sign',
    'qms.manage', 'qms.approve', 'budget.read', 'budget.manage', 'review.manage', 'review.approve'],
  specialist: [...READ, 'dossier.process', 'feedback.handle', 'directive.register', 'par.score', 'par.appraise', 'par.manage', 'complaint.read', 'complaint.handle',
    'inspection.read', 'inspection.manage', 'document.read', 'document.draft', 'qms.manage', 'budget.read', 'budget.manage', 'review.manage'],
  desk_officer: [...READ, 'dossier.receive', 'dossier.process', 'privacy.manage', 'feedback.handle'],
  // Oversight reads the complaint cases (never a denouncer's identity); discipline files stay with HR and the head.
  auditor: [...READ, 'audit.read', 'report.read', 'complaint.read', 'inspection.read', 'document.read', 'budget.read'],
  // The personnel section prepares a discipline case and sits on its council (art. 19); the head decides.
  hr_officer: [...READ, 'personnel.read', 'personnel.manage', 'discipline.read', 'discipline.manage'],
  // The records office (văn thư cơ quan, Decree 30 art. 4): registers everything that comes in and goes out.
  clerk: [...READ, 'document.read', 'document.draft', 'document.register'],
};

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  unit_head: { vi: 'Lãnh đạo đơn vị', en: 'Unit head' },
  specialist: { vi: 'Chuyên viên xử lý', en: 'Specialist' },
  desk_officer: { vi: 'Cán bộ một cửa', en: 'Desk officer' },
  auditor: { vi: 'Kiểm tra, giám sát (chỉ xem)', en: 'Auditor (read-only)' },
  hr_officer: { vi: 'Cán bộ tổ chức, nhân sự', en: 'HR officer' },
  clerk: { vi: 'Văn thư cơ quan', en: 'Records clerk' },
};

/** `provinceWide`: granted at a root of the org tree (the province), not at one of its units. */
export type Grant = { role: Role; unitId: number; unitName: string; provinceWide?: boolean };

/** A signed-in staff member with the units each permission reaches (subtrees already expanded). */
export type Actor = {
  accountId: number;
  staffId: number;
  username: string;
  fullName: string;
  unitId: number;
  unitName?: string;
  grants: Grant[];
  reach: ReadonlyMap<Permission, ReadonlySet<number>>;
};

/** Expands grants into reach sets. `subtree(unitId)` lists the unit and all its descendants. */
export function buildReach(grants: Grant[], subtrees: ReadonlyMap<number, readonly number[]>): Map<Permission, Set<number>> {
  const reach = new Map<Permission, Set<number>>();
  for (const grant of grants) {
    const units = subtrees.get(grant.unitId) ?? [grant.unitId];
    for (const perm of ROLE_PERMISSIONS[grant.role]) {
      let set = reach.get(perm);
      if (!set) reach.set(perm, (set = new Set()));
      for (const u of units) set.add(u);
    }
  }
  return reach;
}

export function can(actor: Actor | null, permission: Permission, unitId: number): boolean {
  return !!actor?.reach.get(permission)?.has(unitId);
}

/**
 * Whether the caller holds `permission` for the whole province. What belongs to no unit — the
 * province's calendar, its message templates, messages and audit events tied to no unit, importing
 * dossiers for every unit — needs this: a grant at a commune covers that commune only.
 */
export function hasProvinceWide(actor: Actor | null, permission: Permission): boolean {
  return !!actor?.grants.some((g) => g.provinceWide && ROLE_PERMISSIONS[g.role].includes(permission));
}

export function reachable(actor: Actor | null, permission: Permission): number[] {
  return [...(actor?.reach.get(permission) ?? [])];
}

export function hasAnywhere(actor: Actor | null, permission: Permission): boolean {
  return (actor?.reach.get(permission)?.size ?? 0) > 0;
}

/**
 * Checks `permission` on a record held by `unitId`. A record the caller cannot even see answers
 * as not found (404), so its existence is not revealed; one they can see but not change is 403.
 */
export function authorize(actor: Actor | null, permission: Permission, unitId: number, visibleWith: Permission, notFound: () => AppError): void {
  if (!actor) throw errors.unauthenticated();
  if (can(actor, permission, unitId)) return;
  if (can(actor, visibleWith, unitId)) throw errors.forbidden();
  throw notFound();
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw errors.unauthenticated();
  return actor;
}
