import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Result, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckCircleOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, SubnodeOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { isExtra } from '../../../../../src/modules/par/rules/criteria';
import { BLOCK_LABELS } from '../../../../../src/modules/par/labels';
import { errorMessage, isApiError } from '../../../shared/api';
import { formatDate } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { isStaleVersion, useStaleVersionNotice } from '../../../shared/ui/staleVersion';
import { type CriteriaTree, type CriterionNode, type SetDetail, type SetEditBody, setXlsxUrl, useAgencies, useEditSet, useSet } from '../api-sets';
import { useParSetT } from '../i18n-sets';
import { applicabilityText, points, scoringText } from './describe';
import { ExtrasDialog, type Extras } from './ExtrasDialog';
import { ImportDialog } from './ImportDialog';
import { IssueDialog } from './IssueDialog';
import { NodeDialog } from './NodeDialog';
import { SetTags, StatusTag } from './SetTags';
import { MAX_DEPTH, type NodePath, type TreeRow, addChild, addSibling, countLeaves, isLeafNode, nodeAt, removeNode, replaceNode, rowKeys, suggestCode, treeRows } from './tree';
import { SETS_PATH, idParam, setPath } from './paths';
import './sets.css';

/** `/can-bo/cchc/bo-tieu-chi/:id`: one criteria set — its tree, problems, bands and weights; edited by the organiser until a round freezes it. */
export default function SetPage() {
  const t = useParSetT();
  const id = idParam(useParams().id);
  const set = useSet(id ?? 0);
  if (id === null) return <Result status="404" title={t('set.notFound')} />;
  if (set.isPending) return <><PageHeader title={t('set.loading')} /><Card size="small"><Skeleton active /></Card></>;
  if (set.isError) return <><PageHeader title={t('set.title')} /><ErrorResult error={set.error} onRetry={() => void set.refetch()} /></>;
  return <SetView set={set.data} reload={() => set.refetch()} />;
}

/** What the node dialog is doing: editing the node at `path`, or adding one under / after it. */
type NodeEdit = { mode: 'edit' | 'child' | 'sibling'; path: NodePath } | { mode: 'area'; path: NodePath };

function SetView({ set, reload }: { set: SetDetail; reload: () => unknown }) {
  const t = useParSetT();
  const locale = useLocale();
  const { message } = App.useApp();
  const stale = useStaleVersionNotice();
  const edit = useEditSet(set.id);
  const agencies = useAgencies();
  const [nodeEdit, setNodeEdit] = useState<NodeEdit | null>(null);
  const [extras, setExtras] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [importing, setImporting] = useState(false);
  const agencyName = useMemo(() => new Map((agencies.data?.items ?? []).map((a) => [a.id, a.name])), [agencies.data]);

  /** Saves the whole set under its version; true when saved. A stale version reloads after saying so. */
  const save = async (patch: Omit<SetEditBody, 'version'>): Promise<boolean> => {
    try {
      await edit.mutateAsync({ version: set.version, ...patch });
      void message.success(t('set.saved'));
      return true;
    } catch (error) {
      if (isStaleVersion(error)) {
        stale(reload);
      } else {
        const fields = isApiError(error) ? error.fields.map((f) => error.fieldMessageIn(f, locale)) : [];
        void message.error([errorMessage(error, locale), ...fields].join(' '));
      }
      return false;
    }
  };
  // The schema's input type has mutable arrays; the tree is never mutated, only copied.
  const saveTree = async (tree: CriteriaTree) => save({ tree: { caps: tree.caps, areas: [...tree.areas] } });

  const dialogNode = ((): { node: CriterionNode; leaf: boolean; title: string } | null => {
    if (!nodeEdit) return null;
    const level = (depth: number) => t(`level.${Math.min(depth, MAX_DEPTH - 1)}` as 'level.0');
    if (nodeEdit.mode === 'edit') {
      const node = nodeAt(set.tree, nodeEdit.path);
      return node ? { node, leaf: isLeafNode(node), title: t('dialog.edit', { level: level(nodeEdit.path.length - 1).toLocaleLowerCase('vi'), code: node.code }) } : null;
    }
    const parent = nodeEdit.mode === 'child' ? nodeEdit.path : nodeEdit.path.slice(0, -1);
    return {
      node: { code: suggestCode(set.tree, parent), text: '', maxPoints: 1, scoring: { kind: 'manual' } },
      leaf: true,
      title: t('dialog.add', { level: level(parent.length).toLocaleLowerCase('vi') }),
    };
  })();

  const applyNode = async (node: CriterionNode) => {
    if (!nodeEdit) return;
    const next = nodeEdit.mode === 'edit' ? replaceNode(set.tree, nodeEdit.path, node)
      : nodeEdit.mode === 'child' ? addChild(set.tree, nodeEdit.path, node)
        : nodeEdit.mode === 'sibling' ? addSibling(set.tree, nodeEdit.path, node)
          : addChild(set.tree, [], node);
    if (await saveTree(next)) setNodeEdit(null);
  };

  const blocks = set.blocks.map((b) => BLOCK_LABELS[b][locale]).join(', ');
  const normalMax = set.tree.areas.filter((a) => !isExtra(a)).reduce((sum, a) => sum + a.maxPoints, 0);
  return (
    <>
      <PageHeader
        title={set.name}
        subtitle={t('set.subtitle', { year: set.year, blocks })}
        extra={(
          <>
            <Button icon={<DownloadOutlined aria-hidden />} href={setXlsxUrl(set.id)} download>{t('set.xlsx')}</Button>
            {set.canEdit ? <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>{t('set.import')}</Button> : null}
            {set.canEdit && set.status === 'draft' ? (
              <Tooltip title={set.problems.length ? t('set.issueBlocked') : undefined}>
                <Button type="primary" icon={<CheckCircleOutlined aria-hidden />} disabled={set.problems.length > 0} onClick={() => setIssuing(true)}>{t('set.issue')}</Button>
              </Tooltip>
            ) : null}
            <Link to={SETS_PATH}><Button>{t('set.back')}</Button></Link>
          </>
        )}
      />
      {set.illustrative ? (
        <Alert type="warning" showIcon className="mc-par-alert" title={t('set.illustrative')} description={set.illustrativeNote ?? undefined} />
      ) : null}
      {set.frozen ? <Alert type="info" showIcon className="mc-par-alert" title={t('set.frozen')} /> : null}
      {set.problems.length ? (
        <Alert type="error" showIcon className="mc-par-alert" title={t('set.problems', { n: set.problems.length })}
          description={<ul className="mc-par-problems">{set.problems.map((p, i) => <li key={i}>{p}</li>)}</ul>} />
      ) : set.status === 'draft' ? <Alert type="success" showIcon className="mc-par-alert" title={t('set.noProblems')} /> : null}
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'status', label: t('col.status'), children: <Flex gap={4} wrap><StatusTag status={set.status} /><SetTags set={set} /></Flex> },
          { key: 'organiser', label: t('set.organiser'), children: set.organiserName || '—' },
          {
            key: 'decision', label: t('set.decision'),
            children: set.decision ? `${t('decision.full', { number: set.decision.number, date: formatDate(set.decision.date) })}${set.decision.signer ? t('decision.signer', { signer: set.decision.signer }) : ''}` : t('set.notIssued'),
          },
          ...(set.copiedFromSetId ? [{ key: 'copied', label: t('set.copiedFrom'), children: <Link to={setPath(set.copiedFromSetId)}>{t('set.copiedFromLink', { id: set.copiedFromSetId })}</Link> }] : []),
        ]} />
      </Card>

      <Card size="small" style={{ marginTop: 16 }}
        title={<Typography.Title level={2} className="mc-par-h2">{t('set.tree')}</Typography.Title>}
        extra={set.canEdit ? <Button icon={<PlusOutlined aria-hidden />} onClick={() => setNodeEdit({ mode: 'area', path: [] })}>{t('set.addArea')}</Button> : null}>
        <Typography.Paragraph type="secondary">{t('set.treeSummary', { max: points(normalMax), leaves: countLeaves(set.tree.areas) })}</Typography.Paragraph>
        <TreeTable set={set} agencyName={agencyName} saving={edit.isPending}
          onEdit={(path) => setNodeEdit({ mode: 'edit', path })}
          onAddChild={(path) => setNodeEdit({ mode: 'child', path })}
          onAddSibling={(path) => setNodeEdit({ mode: 'sibling', path })}
          onDelete={(path) => void saveTree(removeNode(set.tree, path))} />
      </Card>

      <ExtrasCard set={set} onEdit={() => setExtras(true)} />

      {set.canEdit && dialogNode ? (
        <NodeDialog open title={dialogNode.title} node={dialogNode.node} leaf={dialogNode.leaf} agencies={agencies.data?.items ?? []}
          saving={edit.isPending} onSave={(node) => void applyNode(node)} onClose={() => setNodeEdit(null)} />
      ) : null}
      {set.canEdit ? (
        <>
          <ExtrasDialog set={set} open={extras} saving={edit.isPending} onClose={() => setExtras(false)}
            onSave={(x: Extras) => void save({ tree: { caps: x.caps, areas: [...set.tree.areas] }, bands: x.bands, answerWeights: x.answerWeights }).then((ok) => ok && setExtras(false))} />
          <IssueDialog set={set} open={issuing} onClose={() => setIssuing(false)} onStale={reload} />
          <ImportDialog setId={set.id} open={importing} saving={edit.isPending} onClose={() => setImporting(false)}
            onReplace={(tree) => void saveTree(tree).then((ok) => { if (ok) { setImporting(false); void message.success(t('import.done')); } })} />
        </>
      ) : null}
    </>
  );
}

interface TreeTableProps {
  set: SetDetail;
  agencyName: Map<number, string>;
  saving: boolean;
  onEdit: (path: NodePath) => void;
  onAddChild: (path: NodePath) => void;
  onAddSibling: (path: NodePath) => void;
  onDelete: (path: NodePath) => void;
}

/** The tree as an indented table, every row expanded: a set is read as the decision's appendix is. */
function TreeTable({ set, agencyName, saving, onEdit, onAddChild, onAddSibling, onDelete }: TreeTableProps) {
  const t = useParSetT();
  const rows = useMemo(() => treeRows(set.tree), [set.tree]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const expanded = rowKeys(rows).filter((k) => !collapsed.has(k));
  const columns: ColumnsType<TreeRow> = [
    { title: t('col.code'), key: 'code', width: 130, render: (_, r) => <span className={r.depth === 0 ? 'mc-par-area' : undefined}>{r.node.code}</span> },
    { title: t('col.text'), key: 'text', width: 380, render: (_, r) => <span className={r.depth === 0 ? 'mc-par-area' : undefined}>{r.node.text}</span> },
    {
      title: t('col.max'), key: 'max', width: 110, align: 'right',
      render: (_, r) => (
        <>
          <span className={r.depth === 0 ? 'mc-par-area' : undefined}>{points(r.node.maxPoints)}</span>
          {r.node.maxNotSumOfChildren ? <div><Typography.Text type="secondary">{t('max.capped', { n: points(r.node.maxPoints) })}</Typography.Text></div> : null}
        </>
      ),
    },
    {
      title: t('col.scoring'), key: 'scoring', width: 260,
      render: (_, r) => {
        const s = scoringText(r.node, t);
        return <>{isLeafNode(r.node) ? <Tag color={r.node.scoring ? 'blue' : 'red'}>{s.kind}</Tag> : <Typography.Text type="secondary">{s.kind}</Typography.Text>}{s.detail ? <div className="mc-par-detail">{s.detail}</div> : null}</>;
      },
    },
    { title: t('col.evidence'), key: 'evidence', width: 260, render: (_, r) => r.node.evidence ? <span className="mc-par-detail">{r.node.evidence}</span> : t('none') },
    { title: t('col.appraiser'), key: 'appraiser', width: 180, render: (_, r) => (r.node.appraisingUnitId ? agencyName.get(r.node.appraisingUnitId) ?? `#${r.node.appraisingUnitId}` : t('none')) },
    { title: t('col.applicability'), key: 'applicability', width: 200, render: (_, r) => <span className="mc-par-detail">{applicabilityText(r.node.applicability, t)}</span> },
  ];
  if (set.canEdit) {
    columns.push({
      title: t('col.actions'), key: 'actions', width: 150, fixed: 'right',
      render: (_, r) => (
        <Flex gap={2} role="group" aria-label={t('node.actionsOf', { code: r.node.code })}>
          <Tooltip title={t('node.edit')}><Button type="text" size="small" icon={<EditOutlined aria-hidden />} aria-label={`${t('node.edit')} ${r.node.code}`} onClick={() => onEdit(r.path)} /></Tooltip>
          {r.depth < MAX_DEPTH - 1 ? (
            <Tooltip title={t('node.addChild')}><Button type="text" size="small" icon={<SubnodeOutlined aria-hidden />} aria-label={`${t('node.addChild')} ${r.node.code}`} onClick={() => onAddChild(r.path)} /></Tooltip>
          ) : null}
          <Tooltip title={t('node.addSibling')}><Button type="text" size="small" icon={<PlusOutlined aria-hidden />} aria-label={`${t('node.addSibling')} ${r.node.code}`} onClick={() => onAddSibling(r.path)} /></Tooltip>
          <Popconfirm title={t('node.deleteConfirm', { code: r.node.code })} okText={t('node.deleteOk')} okButtonProps={{ danger: true, loading: saving }} cancelText={t('cancel')} onConfirm={() => onDelete(r.path)}>
            <Tooltip title={t('node.delete')}><Button type="text" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`${t('node.delete')} ${r.node.code}`} /></Tooltip>
          </Popconfirm>
        </Flex>
      ),
    });
  }
  return (
    <Table<TreeRow> aria-label={t('set.treeTable')} rowKey="key" size="small" bordered columns={columns} dataSource={rows} pagination={false}
      scroll={{ x: set.canEdit ? 1660 : 1510 }}
      expandable={{
        expandedRowKeys: expanded,
        onExpand: (open, r) => setCollapsed((cur) => { const next = new Set(cur); if (open) next.delete(r.key); else next.add(r.key); return next; }),
      }}
      rowClassName={(r) => (r.depth === 0 ? 'mc-par-area-row' : '')} />
  );
}

function ExtrasCard({ set, onEdit }: { set: SetDetail; onEdit: () => void }) {
  const t = useParSetT();
  const weights = Object.entries(set.answerWeights);
  return (
    <Card size="small" style={{ marginTop: 16 }}
      title={<Typography.Title level={2} className="mc-par-h2">{t('extras.title')}</Typography.Title>}
      extra={set.canEdit ? <Button icon={<EditOutlined aria-hidden />} onClick={onEdit}>{t('extras.edit')}</Button> : null}>
      <Descriptions size="small" column={1} items={[
        { key: 'caps', label: t('extras.caps'), children: `${t('extras.bonusCap')}: ${points(set.tree.caps.bonus)} · ${t('extras.penaltyCap')}: ${points(set.tree.caps.penalty)}` },
        {
          key: 'bands', label: t('extras.bands'),
          children: <Flex gap={4} wrap>{[...set.bands].sort((a, b) => b.min - a.min).map((b) => <Tag key={`${b.label}-${b.min}`}>{b.label} {t('extras.bandRow', { min: points(b.min) })}</Tag>)}</Flex>,
        },
        {
          key: 'weights', label: t('extras.weights'),
          children: <Flex gap={4} wrap>{weights.map(([option, w]) => <Tag key={option}>{option}: {points(w)}</Tag>)}</Flex>,
        },
      ]} />
    </Card>
  );
}
