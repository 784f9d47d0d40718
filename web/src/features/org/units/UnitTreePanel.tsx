import { type Key, useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Input, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useT } from '../../../shared/i18n';
import type { OrgUnit } from '../api';
import { useOrgT } from '../i18n';
import { type UnitNode, buildUnitTree, matchingWithAncestors } from '../tree';

interface Props {
  units: readonly OrgUnit[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  canEdit: boolean;
  onAdd: () => void;
  onImport: () => void;
}

function isExpired(unit: OrgUnit): boolean {
  return Boolean(unit.effectiveTo && unit.effectiveTo < new Date().toISOString().slice(0, 10));
}

export function UnitTreePanel({ units, selectedId, onSelect, canEdit, onAdd, onImport }: Props) {
  const t = useOrgT();
  const ts = useT();
  const [search, setSearch] = useState('');
  const tree = useMemo(() => buildUnitTree(units), [units]);
  const keep = useMemo(() => matchingWithAncestors(units, search), [units, search]);
  // Show the top two levels at first; a search opens every branch leading to a match.
  const [expanded, setExpanded] = useState<Key[]>(() =>
    tree.flatMap((root) => [root, ...root.children]).map((node) => String(node.unit.id)),
  );

  const toData = (nodes: UnitNode[]): DataNode[] =>
    nodes
      .filter((node) => !keep || keep.has(String(node.unit.id)))
      .map((node) => ({
        key: String(node.unit.id),
        title: (
          <span data-testid={`unit-node-${node.unit.code}`}>
            <span style={{ fontWeight: node.unit.parentId === null ? 600 : 400 }}>{node.unit.name}</span>{' '}
            <Tag style={{ marginInlineStart: 4, fontSize: 11 }} bordered={false}>
              {t(`kind.${node.unit.kind}`)}
            </Tag>
            {isExpired(node.unit) ? <Tag color="default">{t('units.expired')}</Tag> : null}
          </span>
        ),
        children: node.children.length ? toData(node.children) : undefined,
      }));
  const treeData = toData(tree);

  return (
    <Card title={t('units.tree')} size="small">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('units.search')}
          placeholder={t('units.search')}
          onChange={(e) => setSearch(e.target.value)}
          style={{ flex: '1 1 200px' }}
        />
        {canEdit ? (
          <Flex gap={8}>
            <Button icon={<UploadOutlined />} onClick={onImport}>
              {t('units.import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
              {t('units.add')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
      {treeData.length === 0 ? (
        <Empty description={units.length === 0 ? t('units.empty') : undefined} />
      ) : (
        <Tree
          blockNode
          showLine
          treeData={treeData}
          selectedKeys={selectedId ? [selectedId] : []}
          expandedKeys={keep ? [...keep] : expanded}
          onExpand={(keys) => setExpanded(keys)}
          onSelect={(keys) => {
            const key = keys[0];
            if (key !== undefined) onSelect(String(key));
          }}
          style={{ maxHeight: '70vh', overflow: 'auto' }}
        />
      )}
      {units.length ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
          {ts('common.total', { n: units.length })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
