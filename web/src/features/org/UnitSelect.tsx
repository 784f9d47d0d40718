import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import type { OrgUnit } from './api';
import { type UnitNode, buildUnitTree, foldVietnamese } from './tree';

interface Option {
  value: string;
  title: string;
  disabled?: boolean;
  children: Option[];
}

function toOptions(nodes: UnitNode[], disabled?: Set<string>): Option[] {
  return nodes.map((node) => ({
    value: String(node.unit.id),
    title: node.unit.name,
    disabled: disabled?.has(String(node.unit.id)),
    children: toOptions(node.children, disabled),
  }));
}

type Props = Omit<TreeSelectProps<string>, 'treeData' | 'value' | 'onChange'> & {
  units: readonly OrgUnit[];
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Units that may not be chosen (e.g. a unit's own subtree when choosing its parent). */
  disabledIds?: Set<string>;
};

/** A searchable tree picker over the units the caller can reach; values are ids as strings. */
export function UnitSelect({ units, value, onChange, disabledIds, ...rest }: Props) {
  const treeData = useMemo(() => toOptions(buildUnitTree(units), disabledIds), [units, disabledIds]);
  return (
    <TreeSelect<string>
      showSearch
      treeDefaultExpandAll={units.length < 60}
      treeNodeFilterProp="title"
      filterTreeNode={(input, node) => foldVietnamese(String(node.title ?? '')).includes(foldVietnamese(input))}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      {...rest}
      treeData={treeData}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
    />
  );
}
