import type { Id } from '../../shared/auth';
import type { OrgUnit } from './api';

export interface UnitNode {
  unit: OrgUnit;
  children: UnitNode[];
}

const byName = (a: UnitNode, b: UnitNode) => a.unit.name.localeCompare(b.unit.name, 'vi');

/**
 * Builds the tree from the flat list the API answers. A unit whose parent is outside the
 * caller's reach becomes a root, so a commune officer sees their commune at the top.
 */
export function buildUnitTree(units: readonly OrgUnit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(String(unit.id), { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(String(node.unit.parentId));
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort(byName);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The id of a unit and of everything below it (a unit cannot move under its own subtree). */
export function subtreeIds(units: readonly OrgUnit[], rootId: Id): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    const key = String(unit.parentId);
    childrenOf.set(key, [...(childrenOf.get(key) ?? []), String(unit.id)]);
  }
  const out = new Set<string>();
  const stack = [String(rootId)];
  while (stack.length) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(childrenOf.get(id) ?? []));
  }
  return out;
}

/** Lower-case and strip Vietnamese diacritics so "so noi vu" finds "Sở Nội vụ". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Ids of the units matching the search and of all their ancestors (to keep the path visible). */
export function matchingWithAncestors(units: readonly OrgUnit[], search: string): Set<string> | null {
  const needle = foldVietnamese(search.trim());
  if (!needle) return null;
  const byId = new Map(units.map((u) => [String(u.id), u]));
  const keep = new Set<string>();
  for (const unit of units) {
    const haystack = foldVietnamese(`${unit.name} ${unit.shortName ?? ''} ${unit.code}`);
    if (!haystack.includes(needle)) continue;
    let current: OrgUnit | undefined = unit;
    while (current && !keep.has(String(current.id))) {
      keep.add(String(current.id));
      current = current.parentId === null ? undefined : byId.get(String(current.parentId));
    }
  }
  return keep;
}
