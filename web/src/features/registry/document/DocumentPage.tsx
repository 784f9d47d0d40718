import { useState } from 'react';
import { Button, Card, Flex, Result, Skeleton, Typography } from 'antd';
import { EditOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { documentFileUrl, outgoingPdfUrl, routingSlipUrl, useDocument } from '../api';
import { LinksCard } from './LinksCard';
import { useActionLabel, useRegistryT } from '../i18n';
import { editDraftPath, idParam } from '../paths';
import { RegistryNav } from '../RegistryNav';
import { ConfidentialityTag, StatusTag, UrgencyTag } from '../tags';
import type { DocumentDetail } from '../types';
import { ActionDialog } from './ActionDialog';
import { DANGER_ACTIONS, KNOWN_ACTIONS, PRIMARY_ACTIONS } from './actionFields';
import { AttachmentsCard } from './AttachmentsCard';
import { DeliveriesTable } from './DeliveriesCard';
import { DocumentFacts } from './DocumentFacts';
import { HandlersTable } from './HandlersCard';
import { History } from './HistoryCard';

/** `/can-bo/van-thu/van-ban/:id`: one document, outgoing or incoming, and what the reader may do now. */
export default function DocumentPage() {
  const t = useRegistryT();
  const id = idParam(useParams().id);
  const doc = useDocument(id ?? 0);
  if (id === null) return <Result status="404" title={t('doc.notFound')} />;
  if (doc.isPending) return <><RegistryNav /><PageHeader title={t('doc.loading')} /><Card size="small"><Skeleton active /></Card></>;
  if (doc.isError) return <><RegistryNav /><PageHeader title={t('doc.title')} /><ErrorResult error={doc.error} onRetry={() => void doc.refetch()} /></>;
  return <DocumentView doc={doc.data} reload={() => doc.refetch()} />;
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card size="small" className="mc-reg-card" data-testid={testId}
      title={<Typography.Title level={2} className="mc-reg-h2">{title}</Typography.Title>}>
      {children}
    </Card>
  );
}

function DocumentView({ doc, reload }: { doc: DocumentDetail; reload: () => unknown }) {
  const t = useRegistryT();
  const label = useActionLabel();
  const [action, setAction] = useState<string | null>(null);
  // Known actions in a fixed order, then any the page has no form of its own for (a note only).
  const actions = [...KNOWN_ACTIONS.filter((a) => doc.allowedActions.includes(a)), ...doc.allowedActions.filter((a) => a !== 'edit' && a !== 'attach' && !(KNOWN_ACTIONS as readonly string[]).includes(a))];
  const primary = PRIMARY_ACTIONS.find((a) => actions.includes(a));
  const isOut = doc.direction === 'out';
  // API.md "Attachments": the drafter before release, the records office while the document is open (the server offers "attach").
  const mayUpload = doc.allowedActions.includes('attach');
  return (
    <>
      <RegistryNav />
      <PageHeader
        title={<Flex component="span" gap={8} wrap align="center">
          <span>{doc.symbol ? t('doc.heading', { symbol: doc.symbol }) : isOut ? t('doc.unnumbered') : t('doc.incomingNoSymbol')}</span>
          <StatusTag status={doc.status} /><UrgencyTag urgency={doc.urgency} /><ConfidentialityTag confidentiality={doc.confidentiality} />
        </Flex>}
        subtitle={`${doc.docTypeName}: ${doc.subject}`}
        extra={<>
          {isOut ? <a href={outgoingPdfUrl(doc.id)} target="_blank" rel="noopener"><Button icon={<FilePdfOutlined aria-hidden />}>{t('doc.pdf')}</Button></a> : null}
          {!isOut && doc.hasFile ? <a href={documentFileUrl(doc.id)} target="_blank" rel="noopener"><Button icon={<FilePdfOutlined aria-hidden />}>{t('doc.file')}</Button></a> : null}
          {!isOut && doc.arrivalNumber !== null ? <a href={routingSlipUrl(doc.id)} target="_blank" rel="noopener"><Button icon={<FileTextOutlined aria-hidden />}>{t('doc.routingSlip')}</Button></a> : null}
          {doc.allowedActions.includes('edit') ? <Link to={editDraftPath(doc.id)}><Button icon={<EditOutlined aria-hidden />}>{t('doc.edit')}</Button></Link> : null}
        </>}
      />
      <Card size="small" data-testid="registry-actions">
        {actions.length === 0 ? <Typography.Text type="secondary">{t('doc.noActions')}</Typography.Text> : (
          <div className="mc-reg-actions">
            {actions.map((a) => (
              <Button key={a} data-action={a} type={a === primary ? 'primary' : 'default'} danger={DANGER_ACTIONS.includes(a)} onClick={() => setAction(a)}>{label(a, doc.direction)}</Button>
            ))}
          </div>
        )}
      </Card>
      <Section title={t('doc.facts')} testId="registry-facts"><DocumentFacts doc={doc} /></Section>
      {isOut && doc.body ? <Section title={t('field.body')}><Typography.Paragraph className="mc-reg-text">{doc.body}</Typography.Paragraph></Section> : null}
      <Section title={t('att.title')}><AttachmentsCard docId={doc.id} attachments={doc.attachments} mayUpload={mayUpload} /></Section>
      {!isOut || doc.assignments.length ? <Section title={t('handler.title')}><HandlersTable assignments={doc.assignments} /></Section> : null}
      {isOut && ['released', 'recalled'].includes(doc.status) ? <Section title={t('delivery.title')}><DeliveriesTable docId={doc.id} /></Section> : null}
      <LinksCard doc={doc} section={(children) => <Section title={t('links.title')} testId="registry-links">{children}</Section>} />
      <Section title={t('history.title')}><History events={doc.events} /></Section>
      <ActionDialog key={action ?? 'none'} doc={doc} action={action} onClose={() => setAction(null)} reload={reload} />
    </>
  );
}

