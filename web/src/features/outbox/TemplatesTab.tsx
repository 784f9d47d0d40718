import { useState } from 'react';
import { Button, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { formatDateTime } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { type MessageTemplate, useTemplates } from './api';
import { useOutboxT } from './messages';
import { TemplateDrawer } from './TemplateDrawer';

export function TemplatesTab() {
  const t = useOutboxT();
  const templates = useTemplates(true);
  const [editing, setEditing] = useState<MessageTemplate | null>(null);

  const columns: ColumnsType<MessageTemplate> = [
    {
      title: t('tpl.description'),
      key: 'description',
      render: (_, m) => (
        <>
          <div>{m.description}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('tpl.key')}: <Typography.Text code style={{ fontSize: 12 }}>{m.key}</Typography.Text> · {m.subject}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('tpl.state'),
      key: 'state',
      width: 240,
      render: (_, m) =>
        m.edited ? (
          <>
            <Tag color="blue">{t('tpl.edited', { v: m.version })}</Tag>
            {m.updatedBy ? (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('tpl.editedBy', { who: m.updatedBy, at: formatDateTime(m.updatedAt) })}
                </Typography.Text>
              </div>
            ) : null}
          </>
        ) : (
          <Tag>{t('tpl.default')}</Tag>
        ),
    },
    {
      title: '',
      key: 'edit',
      width: 120,
      render: (_, m) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(m)}>
          {t('tpl.edit')}
        </Button>
      ),
    },
  ];

  if (templates.isError) return <ErrorResult variant="inline" error={templates.error} onRetry={() => void templates.refetch()} />;
  return (
    <>
      <Table<MessageTemplate>
        data-testid="template-table"
        rowKey="key"
        columns={columns}
        dataSource={templates.data ?? []}
        loading={templates.isPending}
        pagination={false}
        size="small"
      />
      <TemplateDrawer template={editing} onClose={() => setEditing(null)} />
    </>
  );
}
