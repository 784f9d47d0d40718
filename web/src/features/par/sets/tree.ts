/**
 * Edits of a criteria tree as pure functions over index paths ([area, criterion, sub-criterion]):
 * the set page changes its copy of the tree and saves it whole (PATCH under the set's version).
 * Codes may repeat while a draft is edited; the server lists that as a problem until it is fixed.
 */
import type { CriteriaTree, CriterionNode } from '../api-sets';

export type NodePath = readonly number[];
/** The tree has three levels: area → criterion → sub-criterion. */
export const MAX_DEPTH = 3;

export const isLeafNode = (n: CriterionNode): boolean => !n.children || n.children.length === 0;

export function nodeAt(tree: CriteriaTree, path: NodePath): CriterionNode | undefined {
  let nodes: readonly CriterionNode[] = tree.areas;
  let node: CriterionNode | undefined;
  for (const i of path) {
    node = nodes[i];
    if (!node) return undefined;
    nodes = node.children ?? [];
  }
  return node;
}

/** The list the path's last index points into, changed by `edit`; parents are copied, the rest shared. */
function editSiblings(tree: CriteriaTree, parent: NodePath, edit: (siblings: CriterionNode[]) => CriterionNode[]): CriteriaTree {
  const go = (nodes: readonly CriterionNode[], rest: NodePath): CriterionNode[] => {
    if (rest.length === 0) return edit([...nodes]);
    const [i, ...tail] = rest;
    return nodes.map((n, k) => {
      if (k !== i) return n;
      const children = go(n.children ?? [], tail);
      // A node that gains children is no longer scored itself (the server refuses a parent with scoring).
      const { scoring: _scoring, ...withoutScoring } = n;
      return children.length > 0 ? { ...withoutScoring, children } : { ...n, children };
    });
  };
  return { ...tree, areas: go(tree.areas, parent) };
}

export function replaceNode(tree: CriteriaTree, path: NodePath, node: CriterionNode): CriteriaTree {
  return editSiblings(tree, path.slice(0, -1), (s) => s.map((n, k) => (k === path[path.length - 1] ? node : n)));
}

/** Adds `node` as the last child of the node at `parent` ([] = a new area). */
export function addChild(tree: CriteriaTree, parent: NodePath, node: CriterionNode): CriteriaTree {
  return editSiblings(tree, parent, (s) => [...s, node]);
}

/** Adds `node` right after the node at `path`. */
export function addSibling(tree: CriteriaTree, path: NodePath, node: CriterionNode): CriteriaTree {
  const at = path[path.length - 1]!;
  return editSiblings(tree, path.slice(0, -1), (s) => [...s.slice(0, at + 1), node, ...s.slice(at + 1)]);
}

export function removeNode(tree: CriteriaTree, path: NodePath): CriteriaTree {
  const at = path[path.length - 1]!;
  const next = editSiblings(tree, path.slice(0, -1), (s) => s.filter((_, k) => k !== at));
  // A parent left without children drops the empty list, so it reads as a leaf that needs a scoring type.
  if (path.length > 1) {
    const parentPath = path.slice(0, -1);
    const parent = nodeAt(next, parentPath);
    if (parent && parent.children?.length === 0) {
      const { children: _children, ...leaf } = parent;
      return replaceNode(next, parentPath, leaf);
    }
  }
  return next;
}

/** A code for a new node: the parent's code and the next number ("2.3" after "2.1", "2.2"), free in the set. */
export function suggestCode(tree: CriteriaTree, parent: NodePath): string {
  const used = new Set<string>();
  const collect = (nodes: readonly CriterionNode[]) => nodes.forEach((n) => { used.add(n.code); collect(n.children ?? []); });
  collect(tree.areas);
  const parentNode = parent.length ? nodeAt(tree, parent) : undefined;
  const siblings = parent.length ? parentNode?.children ?? [] : tree.areas;
  const prefix = parentNode ? `${parentNode.code}.` : '';
  for (let n = siblings.length + 1; ; n += 1) {
    const code = `${prefix}${n}`;
    if (!used.has(code)) return code;
  }
}

export interface TreeRow {
  key: string;
  path: NodePath;
  depth: number;
  node: CriterionNode;
  children?: TreeRow[];
}

/** The tree as nested table rows (Ant Design indents the children). */
export function treeRows(tree: CriteriaTree): TreeRow[] {
  const go = (nodes: readonly CriterionNode[], parent: NodePath): TreeRow[] => nodes.map((node, i) => {
    const path = [...parent, i];
    const children = node.children?.length ? go(node.children, path) : undefined;
    return { key: path.join('.'), path, depth: path.length - 1, node, ...(children ? { children } : {}) };
  });
  return go(tree.areas, []);
}

export function rowKeys(rows: readonly TreeRow[]): string[] {
  return rows.flatMap((r) => [r.key, ...rowKeys(r.children ?? [])]);
}

export function countLeaves(nodes: readonly CriterionNode[]): number {
  return nodes.reduce((n, node) => n + (isLeafNode(node) ? 1 : countLeaves(node.children!)), 0);
}
