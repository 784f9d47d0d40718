import { Descriptions, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useRegistryT } from '../i18n';
import { DueDate } from '../tags';
import type { DocumentDetail } from '../types';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** The signing block's words as the document prints them: "KT. GIÁM ĐỐC — Nguyễn Văn A". */
function signerOf(doc: DocumentDetail, prefix: (p: string) => string): string {
  const title = [doc.signingPrefix ? prefix(doc.signingPrefix) : '', doc.signerTitle ?? ''].filter(Boolean).join(' ');
  return [title, doc.signerName].filter(Boolean).join(' — ') || '—';
}

/** A document's registry fields (API.md "Document"), outgoing or incoming. */
export function DocumentFacts({ doc }: { doc: DocumentDetail }) {
  const t = useRegistryT();
  // As printed on the document (Decree 30 Appendix I), whatever the reader's language: "KT.", "TL."…
  const prefix = (p: string) => `${p}.`;
  const common: DescriptionsProps['items'] = [
    { key: 'type', label: t('field.docType'), children: doc.legal ? `${doc.docTypeName} (${t('field.legalShort')})` : doc.docTypeName },
    { key: 'symbol', label: t('col.symbol'), children: dash(doc.symbol) },
    { key: 'issuedOn', label: doc.direction === 'out' ? t('field.issuedOn') : t('field.issuedOnIn'), children: doc.issuedOn ? formatDate(doc.issuedOn) : '—' },
  ];
  const items: DescriptionsProps['items'] = doc.direction === 'out' ? [
    ...common,
    { key: 'agency', label: t('field.agency'), children: doc.unitName },
    { key: 'drafting', label: t('field.draftingUnit'), children: dash(doc.draftingUnitName) },
    { key: 'drafter', label: t('col.drafter'), children: dash(doc.draftedBy?.fullName) },
    { key: 'approver', label: t('field.approver'), children: doc.approver ? `${doc.approver.fullName}${doc.approvedAt ? ` (${t('doc.approvedAt', { at: formatDateTime(doc.approvedAt) })})` : ''}` : '—' },
    { key: 'signer', label: t('field.signer'), children: signerOf(doc, prefix) },
    { key: 'released', label: t('field.releasedAt'), children: doc.releasedAt ? formatDateTime(doc.releasedAt) : '—' },
    {
      key: 'recipients', label: t('field.recipients'), span: 'filled',
      children: doc.recipients.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{doc.recipients.map((r, i) => <li key={i}>{r.name}{r.unitId === null ? ` (${t('doc.outside')})` : ''}</li>)}</ul> : '—',
    },
    { key: 'pages', label: t('field.pages'), children: dash(doc.pages) },
    { key: 'copies', label: t('field.copies'), children: dash(doc.copies) },
  ] : [
    { key: 'arrivalNumber', label: t('col.arrivalNumber'), children: dash(doc.arrivalNumber) },
    { key: 'arrivalOn', label: t('col.arrivalOn'), children: doc.arrivalOn ? formatDate(doc.arrivalOn) : '—' },
    { key: 'channel', label: t('field.channel'), children: doc.channel ? t(`channel.${doc.channel}`) : '—' },
    { key: 'issuer', label: t('col.issuer'), children: dash(doc.issuerName ?? doc.senderUnitName) },
    ...common,
    { key: 'signer', label: t('field.signer'), children: signerOf(doc, prefix) },
    { key: 'agency', label: t('field.receivingAgency'), children: doc.unitName },
    { key: 'due', label: t('col.due'), children: <DueDate dueOn={doc.dueOn} overdue={doc.overdue} /> },
    { key: 'routedBy', label: t('field.routedBy'), children: doc.routedBy ? `${doc.routedBy.fullName}${doc.routedAt ? ` — ${formatDateTime(doc.routedAt)}` : ''}` : '—' },
    { key: 'instructions', label: t('field.instructions'), span: 'filled', children: doc.instructions ? <Typography.Paragraph className="mc-reg-text">{doc.instructions}</Typography.Paragraph> : '—' },
    { key: 'pages', label: t('field.pages'), children: dash(doc.pages) },
  ];
  items.push({ key: 'note', label: t('field.note'), span: 'filled', children: doc.note ? <span className="mc-reg-text">{doc.note}</span> : '—' });
  if (doc.fileSha256) items.push({ key: 'sha', label: t('field.sha256'), span: 'filled', children: <Typography.Text code copyable style={{ overflowWrap: 'anywhere' }}>{doc.fileSha256}</Typography.Text> });
  return <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} className="mc-reg-facts" />;
}
