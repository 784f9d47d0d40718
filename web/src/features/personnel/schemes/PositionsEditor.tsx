import { Button, Flex, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useLocale } from '../../../shared/i18n';
import type { SchemePosition } from '../api-schemes';
import { usePersonnelT } from '../i18n';
import { POSITION_CATEGORIES, POSITION_CATEGORY_LABELS } from '../labels';

export type PositionDraft = SchemePosition & { uid: string };

let next = 0;
export const newPosition = (p?: Partial<SchemePosition>): PositionDraft => ({
  uid: `p${++next}`, code: '', name: '', category: 'professional', gradeCode: '', gradeName: '', description: '', competencies: '', quota: 1, ...p,
});

/** The row's own problems, as the server's schema would find them (codes unique within the scheme). */
export function positionProblems(rows: PositionDraft[]): Map<string, ('code' | 'name' | 'duplicate')[]> {
  const out = new Map<string, ('code' | 'name' | 'duplicate')[]>();
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.code.trim().toLowerCase(), (seen.get(r.code.trim().toLowerCase()) ?? 0) + 1);
  for (const r of rows) {
    const p: ('code' | 'name' | 'duplicate')[] = [];
    if (!/^[\p{L}0-9._-]{1,20}$/u.test(r.code.trim())) p.push('code');
    else if ((seen.get(r.code.trim().toLowerCase()) ?? 0) > 1) p.push('duplicate');
    if (r.name.trim().length < 2) p.push('name');
    if (p.length) out.set(r.uid, p);
  }
  return out;
}

/**
 * The scheme's positions, edited cell by cell (Law 80/2025 Art. 23: each position with its category,
 * grade, job description and competency framework); the long texts open under their row. Every control
 * is labelled with its row number, since a screen reader does not see the column heading.
 */
export function PositionsEditor({ rows, onChange, readOnly, showProblems }: { rows: PositionDraft[]; onChange: (rows: PositionDraft[]) => void; readOnly: boolean; showProblems: boolean }) {
  const t = usePersonnelT();
  const locale = useLocale();
  const update = (uid: string, patch: Partial<PositionDraft>) => onChange(rows.map((r) => (r.uid === uid ? { ...r, ...patch } : r)));
  const problems = showProblems ? positionProblems(rows) : new Map<string, string[]>();
  const category = (c: string) => POSITION_CATEGORY_LABELS[c as keyof typeof POSITION_CATEGORY_LABELS]?.[locale] ?? c;

  const columns: ColumnsType<PositionDraft> = readOnly ? [
    { title: t('pos.col.code'), dataIndex: 'code', width: 90 },
    { title: t('pos.col.name'), dataIndex: 'name' },
    { title: t('pos.col.category'), key: 'category', width: 180, render: (_, r) => category(r.category) },
    { title: t('pos.col.grade'), key: 'grade', width: 220, render: (_, r) => [r.gradeCode, r.gradeName].filter(Boolean).join(' — ') || t('none') },
    { title: t('pos.col.quota'), dataIndex: 'quota', width: 90, align: 'right' },
  ] : [
    {
      title: t('pos.col.code'), key: 'code', width: 130,
      render: (_, r, i) => (
        <>
          <Input aria-label={t('pos.aria.code', { n: i + 1 })} value={r.code} maxLength={20} status={problems.get(r.uid)?.some((p) => p !== 'name') ? 'error' : undefined}
            onChange={(e) => update(r.uid, { code: e.target.value })} />
          {(problems.get(r.uid) ?? []).map((p) => <Typography.Text key={p} type="danger" role="alert" style={{ display: 'block', fontSize: 13 }}>{t(`pos.problem.${p}` as 'pos.problem.code')}</Typography.Text>)}
        </>
      ),
    },
    {
      title: t('pos.col.name'), key: 'name', width: 300,
      render: (_, r, i) => <Input.TextArea aria-label={t('pos.aria.name', { n: i + 1 })} value={r.name} maxLength={300} rows={2}
        status={problems.get(r.uid)?.includes('name') ? 'error' : undefined} onChange={(e) => update(r.uid, { name: e.target.value })} />,
    },
    {
      title: t('pos.col.category'), key: 'category', width: 200,
      render: (_, r, i) => <Select aria-label={t('pos.aria.category', { n: i + 1 })} value={r.category} style={{ width: '100%' }} popupMatchSelectWidth={false}
        onChange={(v: PositionDraft['category']) => update(r.uid, { category: v })} options={POSITION_CATEGORIES.map((c) => ({ value: c, label: category(c) }))} />,
    },
    {
      title: t('pos.col.gradeCode'), key: 'gradeCode', width: 110,
      render: (_, r, i) => <Input aria-label={t('pos.aria.gradeCode', { n: i + 1 })} value={r.gradeCode} maxLength={20} onChange={(e) => update(r.uid, { gradeCode: e.target.value })} />,
    },
    {
      title: t('pos.col.gradeName'), key: 'gradeName', width: 200,
      render: (_, r, i) => <Input aria-label={t('pos.aria.gradeName', { n: i + 1 })} value={r.gradeName} maxLength={100} onChange={(e) => update(r.uid, { gradeName: e.target.value })} />,
    },
    {
      title: t('pos.col.quota'), key: 'quota', width: 100,
      render: (_, r, i) => <InputNumber aria-label={t('pos.aria.quota', { n: i + 1 })} value={r.quota} min={0} max={10000} precision={0} style={{ width: '100%' }}
        onChange={(v) => update(r.uid, { quota: typeof v === 'number' ? v : 0 })} />,
    },
    {
      title: '', key: 'remove', width: 56,
      render: (_, r, i) => <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('pos.remove', { n: i + 1 })} onClick={() => onChange(rows.filter((x) => x.uid !== r.uid))} />,
    },
  ];

  const details = (r: PositionDraft, i: number) => (readOnly ? (
    <Flex vertical gap={8}>
      <div><Typography.Text strong>{t('pos.col.description')}</Typography.Text><p className="mc-hr-text">{r.description || t('none')}</p></div>
      <div><Typography.Text strong>{t('pos.col.competencies')}</Typography.Text><p className="mc-hr-text">{r.competencies || t('none')}</p></div>
    </Flex>
  ) : (
    <Flex gap={12} wrap>
      <label style={{ flex: '1 1 320px' }}>{t('pos.col.description')}
        <Input.TextArea aria-label={t('pos.aria.description', { n: i + 1 })} value={r.description} maxLength={4000} rows={4} onChange={(e) => update(r.uid, { description: e.target.value })} />
      </label>
      <label style={{ flex: '1 1 320px' }}>{t('pos.col.competencies')}
        <Input.TextArea aria-label={t('pos.aria.competencies', { n: i + 1 })} value={r.competencies} maxLength={4000} rows={4} onChange={(e) => update(r.uid, { competencies: e.target.value })} />
      </label>
    </Flex>
  ));

  return (
    <Flex vertical gap={8}>
      <Table<PositionDraft> aria-label={t('pos.title')} rowKey="uid" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: readOnly ? 800 : 1100 }}
        expandable={{ expandedRowRender: (r) => details(r, rows.indexOf(r)), columnTitle: t('pos.details') }} locale={{ emptyText: t('pos.empty') }} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        {readOnly ? <span /> : <Button icon={<PlusOutlined aria-hidden />} onClick={() => onChange([...rows, newPosition()])}>{t('pos.add')}</Button>}
        <Typography.Text type="secondary">{t('pos.totalQuota', { n: rows.reduce((a, r) => a + (r.quota || 0), 0), count: rows.length })}</Typography.Text>
      </Flex>
    </Flex>
  );
}
