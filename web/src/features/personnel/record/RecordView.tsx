import { Card, Descriptions, Flex, Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRecordT } from '../i18n';
import type { PersonRecord } from '../labels';
import { LONG_FIELDS, ROW_COLUMNS, type Row, SECTIONS, type TableField } from './model';
import { useRecordFormat } from './format';

/** The Sơ yếu lý lịch read-only, section by section as the form has them; blanks say so rather than vanish. */
export function RecordView({ record }: { record: PersonRecord }) {
  const t = useRecordT();
  const f = useRecordFormat();
  const r = record as Record<string, unknown>;
  // On a phone the label goes above its value: side by side, both columns would be a word wide.
  const wide = Grid.useBreakpoint().md !== false;
  return (
    <Flex vertical gap={12} className="mc-hr-record">
      {SECTIONS.map((s) => (
        <Card key={s.key} size="small" title={<Typography.Title level={3} className="mc-hr-h3">{s.table ? f.fieldLabel(s.table) : t(`section.${s.key}` as 'section.identity')}</Typography.Title>}>
          {s.table ? <RowsTable table={s.table} rows={(r[s.table] as Row[] | undefined) ?? []} /> : (
            <Descriptions size="small" bordered layout={wide ? 'horizontal' : 'vertical'} column={{ xs: 1, md: s.fields.length > 3 ? 2 : 1 }}
              items={s.fields.map((field) => {
                const text = f.value(field, r[field]);
                return {
                  key: field, label: f.fieldLabel(field), span: LONG_FIELDS.has(field) ? ('filled' as const) : undefined,
                  children: text ? <span className="mc-hr-text">{text}</span> : <Typography.Text type="secondary">{t('blank')}</Typography.Text>,
                };
              })} />
          )}
        </Card>
      ))}
    </Flex>
  );
}

export function RowsTable({ table, rows }: { table: TableField; rows: Row[] }) {
  const t = useRecordT();
  const f = useRecordFormat();
  const columns: ColumnsType<Row> = ROW_COLUMNS[table].map((c) => ({
    key: c.key, title: f.colLabel(table, c.key), width: c.width,
    align: c.kind === 'int' || c.kind === 'decimal' ? ('right' as const) : undefined,
    render: (_: unknown, row: Row) => (table === 'career' && c.key === 'to' && !row.to ? t('rows.present') : f.cell(c.kind, row[c.key])),
  }));
  return <Table<Row> aria-label={f.fieldLabel(table)} rowKey={(_, i) => String(i)} size="small" columns={columns} dataSource={rows} pagination={false}
    scroll={{ x: 'max-content' }} locale={{ emptyText: t('rows.empty') }} />;
}
