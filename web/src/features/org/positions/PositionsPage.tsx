import { useState } from 'react';
import { Button, Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { ORG_EDITOR_ROLES, hasAnyRole, sameId, useAuth } from '../../../shared/auth';
import { formatNumber } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useStaleVersionNotice } from '../../../shared/ui/staleVersion';
import { type Position, usePositions, useUnits } from '../api';
import { useOrgT } from '../i18n';
import { UnitSelect } from '../UnitSelect';
import { PositionModal } from './PositionModal';

export default function PositionsPage() {
  const t = useOrgT();
  const ts = useT();
  const { user } = useAuth();
  const canEdit = hasAnyRole(user, ORG_EDITOR_ROLES);
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? undefined;
  const units = useUnits();
  const positions = usePositions(unitId);
  const [editing, setEditing] = useState<{ position: Position | null } | null>(null);
  const notifyStale = useStaleVersionNotice();
  const unitName = (id: Position['unitId']) => units.data?.find((u) => sameId(u.id, id))?.name ?? '—';

  const columns: ColumnsType<Position> = [
    { title: t('positions.code'), dataIndex: 'code', width: 120 },
    { title: t('positions.name'), dataIndex: 'name' },
    { title: t('positions.grade'), dataIndex: 'grade', render: (v?: string | null) => v ?? '—' },
    { title: t('positions.quota'), dataIndex: 'quota', align: 'right', width: 130, render: (v: number) => formatNumber(v) },
    { title: t('positions.unit'), dataIndex: 'unitId', render: (id: Position['unitId']) => unitName(id) },
  ];
  if (canEdit) {
    columns.push({
      title: '',
      key: 'actions',
      width: 90,
      render: (_, position) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          aria-label={`${ts('action.edit')} ${position.name}`}
          onClick={() => setEditing({ position })}
        >
          {ts('action.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('positions.title')}
        extra={
          canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ position: null })}>
              {t('positions.add')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <div style={{ maxWidth: 420, marginBottom: 12 }}>
          <UnitSelect
            units={units.data ?? []}
            value={unitId}
            allowClear
            placeholder={t('positions.pickUnit')}
            aria-label={t('positions.unit')}
            onChange={(next) => setParams(next ? { unitId: next } : {}, { replace: true })}
          />
        </div>
        {positions.isError ? (
          <ErrorResult variant="inline" error={positions.error} onRetry={() => void positions.refetch()} />
        ) : (
          <Table<Position>
            data-testid="positions-table"
            rowKey={(p) => String(p.id)}
            columns={columns}
            dataSource={positions.data ?? []}
            loading={positions.isFetching}
            locale={{ emptyText: t('positions.empty') }}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
          />
        )}
      </Card>
      <PositionModal
        key={editing?.position ? `${String(editing.position.id)}:${editing.position.version}` : 'new'}
        open={editing !== null}
        position={editing?.position ?? null}
        units={units.data ?? []}
        defaultUnitId={unitId}
        onClose={() => setEditing(null)}
        onStale={() =>
          notifyStale(() => {
            setEditing(null);
            return positions.refetch();
          })
        }
      />
    </>
  );
}
