import type { ReactNode } from 'react';
import { Avatar, Button, Card, Flex, Input, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, UserOutlined } from '@ant-design/icons';
import type { Id } from '../../../shared/auth';
import { selectAllLabel, useLocale, useT } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { type OrgUnit, type StaffMember, useStaffList } from '../api';
import { useOrgT } from '../i18n';
import { UnitSelect } from '../UnitSelect';
import { PAGE_SIZES, useStaffFilters } from './useStaffFilters';

interface Props {
  units: readonly OrgUnit[];
  selectedIds: Id[];
  onSelectionChange: (ids: Id[]) => void;
  onEdit?: (staff: StaffMember) => void;
  /** Shown above the table when rows are selected (print buttons). */
  selectionBar?: ReactNode;
}

const noWrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function StaffStatus({ staff }: { staff: StaffMember }) {
  const t = useOrgT();
  if (!staff.active) return <Tag>{t('staff.inactive')}</Tag>;
  const now = today();
  if (staff.secondedFrom && staff.secondedFrom <= now && (!staff.secondedTo || staff.secondedTo >= now)) {
    return <Tag color="orange">{t('staff.seconded')}</Tag>;
  }
  return <Tag color="green">{t('staff.active')}</Tag>;
}

export function StaffTable({ units, selectedIds, onSelectionChange, onEdit, selectionBar }: Props) {
  const t = useOrgT();
  const ts = useT();
  const locale = useLocale();
  const [query, setQuery] = useStaffFilters();
  const list = useStaffList(query);

  const columns: ColumnsType<StaffMember> = [
    {
      title: t('person.fullName'),
      dataIndex: 'fullName',
      onCell: () => ({ style: { minWidth: 200 } }),
      render: (_, staff) => (
        <Flex gap={10} align="center">
          <Avatar src={staff.photoUrl ?? undefined} icon={<UserOutlined />} alt="" style={{ flexShrink: 0 }} />
          <div>
            <div style={{ fontWeight: 500 }}>{staff.fullName}</div>
            {staff.username ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {staff.username}
              </Typography.Text>
            ) : null}
          </div>
        </Flex>
      ),
    },
    { title: t('person.position'), dataIndex: 'position', render: (v: string | null) => v ?? '—' },
    { title: t('person.unit'), dataIndex: 'unitName' },
    { title: t('person.badgeNumber'), dataIndex: 'badgeNumber', onCell: noWrap, render: (v: string | null) => v ?? '—' },
    { title: t('person.phone'), dataIndex: 'phone', onCell: noWrap, render: (v: string | null) => v ?? '—' },
    { title: t('staff.status'), key: 'status', onCell: noWrap, render: (_, staff) => <StaffStatus staff={staff} /> },
  ];
  if (onEdit) {
    columns.push({
      title: t('staff.actions'),
      key: 'actions',
      fixed: 'right',
      width: 110,
      render: (_, staff) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          aria-label={`${ts('action.edit')} ${staff.fullName}`}
          onClick={() => onEdit(staff)}
        >
          {ts('action.edit')}
        </Button>
      ),
    });
  }

  return (
    <Card size="small">
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q}
          allowClear
          aria-label={t('staff.search')}
          placeholder={t('staff.searchPlaceholder')}
          onSearch={(q) => setQuery({ q: q.trim() || undefined })}
          style={{ flex: '2 1 260px' }}
        />
        <div style={{ flex: '1 1 240px' }}>
          <UnitSelect
            units={units}
            value={query.unitId}
            onChange={(unitId) => setQuery({ unitId })}
            allowClear
            placeholder={t('staff.allUnits')}
            aria-label={t('staff.unitFilter')}
            data-testid="staff-unit-filter"
          />
        </div>
      </Flex>
      {selectedIds.length > 0 && selectionBar ? (
        <Flex
          align="center"
          gap={12}
          wrap
          style={{ background: '#fbeceb', padding: '8px 12px', borderRadius: 6, marginBottom: 12 }}
        >
          <Typography.Text strong>{t('staff.selected', { n: selectedIds.length })}</Typography.Text>
          {selectionBar}
        </Flex>
      ) : null}
      {list.isError ? (
        <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<StaffMember>
          data-testid="staff-table"
          rowKey={(staff) => String(staff.id)}
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: t('staff.empty') }}
          tableLayout="auto"
          scroll={{ x: 960 }}
          rowSelection={{
            selectedRowKeys: selectedIds.map(String),
            preserveSelectedRowKeys: true,
            onChange: (keys) => onSelectionChange(keys.map(String)),
            // Ant Design names these checkboxes in English whatever the locale.
            getTitleCheckboxProps: () => ({ 'aria-label': selectAllLabel(locale) }),
            getCheckboxProps: (staff) => ({ 'aria-label': t('staff.selectOne', { name: staff.fullName }) }),
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => ts('common.total', { n: total }),
            onChange: (page, pageSize) => setQuery({ page, pageSize }),
          }}
        />
      )}
    </Card>
  );
}
