import type { Db } from '../db/transaction.js';

/**
 * How the audit log speaks to people: each module declares, next to its code, a label for every
 * action it writes ("org.staff.created" → "Thêm cán bộ") and for every kind of object it writes
 * about, with a lookup that names the objects ("account" 8 → "Tài khoản nguyenvana"). The log page
 * then reads as sentences instead of codes. `src/audit-vocabulary.ts` gathers the modules' lists;
 * a test checks that every action written anywhere in src has a label here.
 */
export type AuditLabel = { vi: string; en: string };

/** Names of objects by their audit id; a name may differ by language (a version number, say). */
export type AuditNameLookup = (db: Db, ids: string[]) => Promise<Map<string, string | AuditLabel>>;

export type AuditEntityKind = { label: AuditLabel; names?: AuditNameLookup };

export type AuditVocabulary = {
  actions: Record<string, AuditLabel>;
  entities: Record<string, AuditEntityKind>;
};

export function mergeVocabularies(parts: AuditVocabulary[]): AuditVocabulary {
  const out: AuditVocabulary = { actions: {}, entities: {} };
  for (const part of parts) {
    for (const [action, label] of Object.entries(part.actions)) {
      if (out.actions[action]) throw new Error(`audit action ${action} is declared twice`);
      out.actions[action] = label;
    }
    for (const [entity, kind] of Object.entries(part.entities)) {
      if (out.entities[entity]) throw new Error(`audit entity ${entity} is declared twice`);
      out.entities[entity] = kind;
    }
  }
  return out;
}

/**
 * The actions an action string is made of. One audit row may record several steps taken together,
 * written "dossier.taken+transferred": that is "dossier.taken" and "dossier.transferred".
 */
export function actionParts(action: string): string[] {
  const dot = action.indexOf('.');
  if (dot < 0 || !action.includes('+')) return [action];
  const prefix = action.slice(0, dot + 1);
  return action.slice(dot + 1).split('+').map((part) => prefix + part);
}

/** "Nhận xử lý, Chuyển xử lý"; an action nobody declared shows as its code rather than vanishing. */
export function actionLabel(vocabulary: AuditVocabulary, action: string): AuditLabel {
  const labels = actionParts(action).map((part) => vocabulary.actions[part] ?? { vi: part, en: part });
  return { vi: labels.map((l) => l.vi).join(', '), en: labels.map((l) => l.en).join(', ') };
}

/** A regular expression matching every stored action that includes `action` (see actionParts). */
export function actionPattern(action: string): string {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const dot = action.indexOf('.');
  if (dot < 0) return `^${escape(action)}$`;
  const prefix = escape(action.slice(0, dot + 1));
  const step = escape(action.slice(dot + 1));
  return `^${prefix}([^+]*\\+)*${step}(\\+[^+]*)*$`;
}

type Described = { entity: string; entityId: string | null };

/**
 * Names the object of each row: "Tài khoản nguyenvana", "Hồ sơ H30.22-260302-0001". Looks names
 * up once per kind of object for the whole page; an id with no name left shows as the id.
 */
export async function describeObjects<T extends Described>(db: Db, vocabulary: AuditVocabulary, rows: T[]): Promise<AuditLabel[]> {
  const idsByEntity = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.entityId === null) continue;
    const set = idsByEntity.get(r.entity) ?? new Set<string>();
    set.add(r.entityId);
    idsByEntity.set(r.entity, set);
  }
  const names = new Map<string, Map<string, string | AuditLabel>>();
  await Promise.all([...idsByEntity].map(async ([entity, ids]) => {
    const lookup = vocabulary.entities[entity]?.names;
    if (lookup) names.set(entity, await lookup(db, [...ids]));
  }));
  return rows.map((r) => {
    const kind = vocabulary.entities[r.entity]?.label ?? { vi: r.entity, en: r.entity };
    if (r.entityId === null) return kind;
    const name = names.get(r.entity)?.get(r.entityId) ?? r.entityId;
    const local = typeof name === 'string' ? { vi: name, en: name } : name;
    return { vi: `${kind.vi} ${local.vi}`, en: `${kind.en} ${local.en}` };
  });
}
