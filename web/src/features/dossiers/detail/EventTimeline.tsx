import { Timeline, Typography } from 'antd';
import { formatWorkingDuration } from '../../../../../src/modules/dossiers/rules/durations';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import type { StaffEvent } from '../api';
import { useDossierT } from '../i18n';

const COLOURS: Partial<Record<StaffEvent['type'], string>> = {
  received: 'green',
  result_recorded: 'green',
  result_returned: 'green',
  refused: 'red',
  stopped: 'red',
  withdrawn: 'gray',
  supplement_requested: 'orange',
  reception_supplement_requested: 'orange',
  extended: 'orange',
  payment_requested: 'gold',
  scans_attached: 'blue',
};

/** The lines under an event: reasons, documents to supplement, new dates, amounts, notes. */
function useDetails() {
  const t = useDossierT();
  const locale = useLocale();
  return (e: StaffEvent): string[] => {
    switch (e.type) {
      case 'received':
        return [t('ev.due', { due: formatDateTime(e.dueAt) })];
      case 'refused':
        return e.reasons.map((r) => t('ev.reason', { reason: r }));
      case 'reception_supplement_requested':
      case 'supplement_requested':
        return [
          ...e.items.map((i) => `${i.name}: ${i.reason}${i.legalBasis ? ` (${i.legalBasis})` : ''}`),
          ...('note' in e && e.note ? [t('ev.note', { note: e.note })] : []),
        ];
      case 'transferred':
      case 'returned_to_step':
        return [
          t('ev.to', { to: e.toStaff?.name ? `${e.toUnitName} — ${e.toStaff.name}` : e.toUnitName }),
          t('ev.stepDue', { due: formatDateTime(e.stepDueAt) }),
          ...(e.type === 'transferred' && e.note ? [t('ev.note', { note: e.note })] : []),
          ...(e.type === 'returned_to_step' ? [t('ev.reason', { reason: e.reason })] : []),
        ];
      case 'taken':
        return [t('ev.staff', { name: e.staff.name })];
      case 'assigned':
        return [t('ev.staff', { name: e.staff.name }), ...(e.reason ? [t('ev.reason', { reason: e.reason })] : [])];
      case 'supplement_received':
        return [t('ev.newDue', { due: formatDateTime(e.newDueAt) }), t('ev.paused', { duration: formatWorkingDuration(e.pausedWorkingHours, locale) }), ...(e.note ? [t('ev.note', { note: e.note })] : [])];
      case 'payment_requested':
        return [...e.items.map((i) => `${i.name}: ${formatMoney(i.amount)}`), t('ev.amount', { amount: formatMoney(e.amount) })];
      case 'payment_confirmed':
        return [t('ev.amount', { amount: formatMoney(e.amount) }), t('ev.method', { method: t(`form.${e.method as 'cash'}`) }), ...(e.reference ? [t('ev.reference', { reference: e.reference })] : [])];
      case 'extended':
        return [t('ev.newDue', { due: formatDateTime(e.newDueAt) }), t('ev.reason', { reason: e.reason }), t('ev.signer', { signer: e.signer })];
      case 'stopped':
        return [t('ev.reason', { reason: e.reason })];
      case 'withdrawn':
        return [t('ev.reason', { reason: e.reason }), t('ev.requestedAt', { at: formatDateTime(e.requestedAt) })];
      case 'result_recorded':
        return [t('ev.summary', { summary: e.summary }), ...(e.resultNumber ? [t('ev.resultNumber', { number: e.resultNumber })] : []), ...(e.resultFile ? [t('files.scanOf', { name: e.resultFile.name })] : [])];
      case 'result_returned':
        return [
          t('ev.receiver', { name: e.receiverName }), t('ev.method', { method: t(`delivery.${e.method}`) }),
          ...(e.address ? [t('files.deliveryAddress', { address: e.address })] : []), ...(e.resultFile ? [t('files.scanOf', { name: e.resultFile.name })] : []),
          ...(e.note ? [t('ev.note', { note: e.note })] : []),
        ];
      case 'scans_attached':
        return e.scans.map((x) => `${x.documentName}: ${x.file.name} (${t(`files.stage.${e.stage}`)})`);
      case 'draft_attached':
        return [t('files.scanOf', { name: e.file.name }), ...(e.note ? [t('ev.note', { note: e.note })] : [])];
      case 'reception_supplement_submitted':
        return [...e.documents.map((d) => d.name), ...(e.note ? [t('ev.note', { note: e.note })] : [])];
      case 'submitted':
        return [];
    }
  };
}

/** The dossier's history, newest first: what happened, who did it, when, and the particulars. */
export function EventTimeline({ events }: { events: StaffEvent[] }) {
  const locale = useLocale();
  const details = useDetails();
  return (
    <Timeline
      items={[...events].reverse().map((e) => {
        const lines = details(e);
        return {
          key: e.seq,
          color: COLOURS[e.type] ?? 'blue',
          content: (
            <div data-event={e.type}>
              <Typography.Text strong>{e.label[locale]}</Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {formatDateTime(e.at)}
                  {e.actor.name ? ` · ${e.actor.name}` : ''}
                </Typography.Text>
              </div>
              {lines.length ? (
                <ul className="mc-event-details">
                  {lines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
