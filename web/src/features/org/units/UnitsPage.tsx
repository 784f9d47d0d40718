import { useRef, useState } from 'react';
import { Alert, Card, Col, Empty, Grid, Row, Skeleton } from 'antd';
import { ORG_EDITOR_ROLES, hasAnyRole, useAuth } from '../../../shared/auth';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useStaleVersionNotice } from '../../../shared/ui/staleVersion';
import { useUnits } from '../api';
import { useOrgT } from '../i18n';
import { ImportDialog } from '../importing/ImportDialog';
import { UnitForm } from './UnitForm';
import { UnitTreePanel } from './UnitTreePanel';

type Editing = { mode: 'edit'; id: string } | { mode: 'create'; parentId: string | null } | null;

export default function UnitsPage() {
  const t = useOrgT();
  const { user } = useAuth();
  const canEdit = hasAnyRole(user, ORG_EDITOR_ROLES);
  const units = useUnits();
  const [editing, setEditing] = useState<Editing>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [formEpoch, setFormEpoch] = useState(0);
  const formRef = useRef<HTMLDivElement>(null);
  const screens = Grid.useBreakpoint();
  const notifyStale = useStaleVersionNotice();

  const list = units.data ?? [];
  const current = editing?.mode === 'edit' ? list.find((u) => String(u.id) === editing.id) ?? null : null;

  const open = (next: Editing) => {
    setEditing(next);
    // On a phone the form sits below the tree; bring it into view.
    if (!screens.lg) setTimeout(() => formRef.current?.scrollIntoView({ behavior: 'smooth' }), 50);
  };

  const onStale = () =>
    notifyStale(async () => {
      await units.refetch();
      setFormEpoch((n) => n + 1); // remount the form with the fresh record and version
    });

  let formCard;
  if (editing === null || (editing.mode === 'edit' && !current)) {
    formCard = <Empty description={t('units.pick')} />;
  } else {
    formCard = (
      <UnitForm
        key={`${editing.mode === 'edit' ? `${editing.id}:${current?.version}` : `new:${editing.parentId}`}:${formEpoch}`}
        units={list}
        unit={current}
        defaultParentId={editing.mode === 'create' ? editing.parentId : null}
        readOnly={!canEdit}
        onSaved={(saved) => setEditing({ mode: 'edit', id: String(saved.id) })}
        onCancel={() => setEditing(null)}
        onStale={onStale}
      />
    );
  }

  return (
    <>
      <PageHeader title={t('units.title')} subtitle={t('units.subtitle')} />
      {units.isError ? (
        <ErrorResult error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={11} xl={10}>
            {units.isPending ? (
              <Card>
                <Skeleton active paragraph={{ rows: 8 }} />
              </Card>
            ) : (
              <UnitTreePanel
                units={list}
                selectedId={editing?.mode === 'edit' ? editing.id : null}
                onSelect={(id) => open({ mode: 'edit', id })}
                canEdit={canEdit}
                onAdd={() => open({ mode: 'create', parentId: editing?.mode === 'edit' ? editing.id : null })}
                onImport={() => setImportOpen(true)}
              />
            )}
          </Col>
          <Col xs={24} lg={13} xl={14} ref={formRef}>
            <Card size="small" title={editing?.mode === 'create' ? t('units.new') : t('units.edit')}>
              {!canEdit && editing ? (
                <Alert type="info" showIcon title={t('units.readOnly')} style={{ marginBottom: 16 }} />
              ) : null}
              {formCard}
            </Card>
          </Col>
        </Row>
      )}
      <ImportDialog kind="units" open={importOpen} onClose={() => setImportOpen(false)} />
    </>
  );
}
