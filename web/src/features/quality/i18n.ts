import { defineMessages } from '../../shared/i18n';
import { formatDate } from '../../shared/format';
import { auditEn } from './messages-audit.en';
import { auditVi } from './messages-audit';
import { commonEn } from './messages.en';
import { commonVi } from './messages';
import type { QmsEvent } from './types';

/**
 * One dictionary for the quality pages, kept in parts: the QMS, objectives, processes and documents
 * (messages.ts), and audits, nonconformities, proposals and reviews (messages-audit.ts).
 */
export const qualityMessages = defineMessages({ ...commonVi, ...auditVi }, { ...commonEn, ...auditEn });
export const useQualityT = qualityMessages.useT;
type Key = Parameters<ReturnType<typeof useQualityT>>[0];

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * A history entry in words: what happened (by the record's kind, since "created" means another thing for
 * a document) and the facts its details carry — which parts of the QMS changed, which issue, the reason.
 * An action this page has no words for shows as the server named it.
 */
export function useEventWords(entity?: string) {
  const t = useQualityT();
  return (e: QmsEvent): { title: string; lines: string[] } => {
    const keys = [...(entity ? [`event.${entity}.${e.action}`] : []), `event.${e.action}`] as Key[];
    const found = keys.map((k) => [k, t(k)] as const).find(([k, w]) => w !== k);
    const title = found ? found[1] : t('event.other', { action: e.action.replace(/[._]/g, ' ') });
    const d = e.details ?? {};
    const lines: string[] = [];
    if (Array.isArray(d.changed) && d.changed.length) {
      const parts = d.changed.map((c) => {
        const k = `eventField.${String(c)}` as Key;
        const w = t(k);
        return w === k ? String(c) : w;
      });
      lines.push(t('event.changed', { what: parts.join(', ') }));
    }
    if (d.policyApprovalCleared === true) lines.push(t('event.policyApprovalCleared'));
    if (str(d.decisionNo)) lines.push(t('event.decision', { no: str(d.decisionNo)!, date: formatDate(str(d.decisionDate)) }));
    if (num(d.issueNo) !== null && e.action !== 'created') lines.push(t('doc.issue', { n: num(d.issueNo)! }));
    if (str(d.effectiveFrom)) lines.push(t('event.effectiveFrom', { date: formatDate(str(d.effectiveFrom)) }));
    if (num(d.replacedIssueNo) !== null) lines.push(t('event.replaced', { n: num(d.replacedIssueNo)! }));
    if (str(d.changeLog)) lines.push(t('event.changeLog', { text: str(d.changeLog)! }));
    if (str(d.reason)) lines.push(t('event.reason', { text: str(d.reason)! }));
    return { title, lines };
  };
}
