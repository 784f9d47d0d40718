/**
 * Life cycle of a procedure version.
 *
 * A version is drafted, then published by a provincial publishing decision (quyết định công bố,
 * Decree 63/2010 art. 15 as amended by Decree 92/2017). A later decision may amend it, replace it
 * or abolish it; the version then stays as history, because dossiers received while it was in force
 * keep it (DOMAIN §1, rule 15). A published version is never edited: a change is a new draft
 * version, published by its own decision, and the old one is closed with the `amend` action.
 */
import { VERSION_STATUS_LABELS, type VersionStatus } from '../schema.js';

export type VersionAction = 'edit' | 'publish' | 'amend' | 'replace' | 'abolish';

export type VersionTransition =
  | { ok: true; status: VersionStatus }
  | { ok: false; code: 'PUBLISHED_IMMUTABLE' | 'VERSION_CLOSED' | 'INVALID_TRANSITION'; message: string };

const TRANSITIONS: Record<VersionStatus, Partial<Record<VersionAction, VersionStatus>>> = {
  draft: { edit: 'draft', publish: 'published' },
  published: { amend: 'amended', replace: 'replaced', abolish: 'abolished' },
  amended: {},
  replaced: {},
  abolished: {},
};

const ACTION_LABELS: Record<VersionAction, string> = {
  edit: 'sửa nội dung',
  publish: 'công bố',
  amend: 'sửa đổi, bổ sung',
  replace: 'thay thế',
  abolish: 'bãi bỏ',
};

export function nextVersionStatus(current: VersionStatus, action: VersionAction): VersionTransition {
  const next = TRANSITIONS[current][action];
  if (next !== undefined) return { ok: true, status: next };
  if (current === 'published' && (action === 'edit' || action === 'publish')) {
    return {
      ok: false,
      code: 'PUBLISHED_IMMUTABLE',
      message: 'Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới và công bố bằng quyết định mới.',
    };
  }
  if (current === 'amended' || current === 'replaced' || current === 'abolished') {
    return {
      ok: false,
      code: 'VERSION_CLOSED',
      message: `Phiên bản ${VERSION_STATUS_LABELS[current].toLowerCase()}, không thể ${ACTION_LABELS[action]}.`,
    };
  }
  return {
    ok: false,
    code: 'INVALID_TRANSITION',
    message: `Không thể ${ACTION_LABELS[action]} phiên bản ở trạng thái "${VERSION_STATUS_LABELS[current]}".`,
  };
}

export function allowedVersionActions(current: VersionStatus): VersionAction[] {
  return Object.keys(TRANSITIONS[current]) as VersionAction[];
}

export function isVersionEditable(current: VersionStatus): boolean {
  return nextVersionStatus(current, 'edit').ok;
}

export interface VersionWindow {
  number: number;
  status: VersionStatus;
  effectiveFrom?: string | undefined;
  effectiveTo?: string | undefined;
}

/**
 * The version in force on a date (YYYY-MM-DD, Asia/Ho_Chi_Minh), which a dossier pins at receipt.
 * Closed versions count for the days they were in force; drafts never do. `effectiveTo` is the last
 * day in force. When windows overlap (a data error), the highest version number wins.
 */
export function findVersionInForce<V extends VersionWindow>(versions: readonly V[], date: string): V | undefined {
  return versions
    .filter(
      (v) =>
        v.status !== 'draft' &&
        v.effectiveFrom !== undefined &&
        v.effectiveFrom <= date &&
        (v.effectiveTo === undefined || date <= v.effectiveTo),
    )
    .sort((a, b) => b.number - a.number)[0];
}
