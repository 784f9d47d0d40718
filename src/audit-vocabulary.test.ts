import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { AUDIT_VOCABULARY } from './audit-vocabulary.js';
import { EVENT_LABELS } from './modules/dossiers/rules/events.js';
import { actionLabel, actionPattern } from './platform/audit/vocabulary.js';
import { PR_ACTIONS } from './modules/procedure-review/procedure-review.audit.js';

const SRC = new URL('.', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Audit calls whose action is built at run time from a closed list, checked by their own test below. */
// Files whose audit action is built from a closed list whose labels another test checks: the dossier
// events (EVENT_LABELS), the moves on a directive's task (TASK_ACTIONS, directives.audit.ts) and the
// procedure reviews' history (PR_ACTIONS, procedure-review.audit.ts).
const DYNAMIC = new Set(['modules/dossiers/event-writer.ts', 'modules/directives/tasks.service.ts', 'modules/procedure-review/procedure-review.context.ts']);

/**
 * The action strings an expression can take, read from the source: literals, both sides of a
 * condition, `x as 'a' | 'b'`, templates over such values, and a parameter traced to the calls of
 * its function in the same file. Undefined when the value is not knowable from the text.
 */
function values(expr: ts.Node, sf: ts.SourceFile): string[] | undefined {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr.text];
  if (ts.isParenthesizedExpression(expr)) return values(expr.expression, sf);
  if (ts.isConditionalExpression(expr)) {
    const a = values(expr.whenTrue, sf);
    const b = values(expr.whenFalse, sf);
    return a && b ? [...a, ...b] : undefined;
  }
  if (ts.isAsExpression(expr)) {
    const types = ts.isUnionTypeNode(expr.type) ? expr.type.types : [expr.type];
    const literals = types.map((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : undefined));
    return literals.every((l) => l !== undefined) ? (literals as string[]) : values(expr.expression, sf);
  }
  if (ts.isTemplateExpression(expr)) {
    let out = [expr.head.text];
    for (const span of expr.templateSpans) {
      const options = values(span.expression, sf);
      if (!options) return undefined;
      out = out.flatMap((prefix) => options.map((o) => prefix + o + span.literal.text));
    }
    return out;
  }
  if (ts.isIdentifier(expr)) return identifierValues(expr.text, expr, sf);
  return undefined;
}

function identifierValues(name: string, at: ts.Node, sf: ts.SourceFile): string[] | undefined {
  for (let node: ts.Node | undefined = at.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node)) {
      const index = node.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (index >= 0) return callArguments(node, index, sf);
    }
    if (ts.isBlock(node) || ts.isSourceFile(node)) {
      for (const statement of node.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const d of statement.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return values(d.initializer, sf);
        }
      }
    }
  }
  return undefined;
}

/** The values passed at `index` to every call of this function (by its name) in the file. */
function callArguments(fn: ts.SignatureDeclaration, index: number, sf: ts.SourceFile): string[] | undefined {
  const holder = ts.isVariableDeclaration(fn.parent) ? fn.parent.name : fn.name;
  if (!holder || !ts.isIdentifier(holder)) return undefined;
  const found: string[] = [];
  let unknown = false;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === holder.text) {
      const arg = node.arguments[index];
      const v = arg ? values(arg, sf) : undefined;
      if (v) found.push(...v);
      else unknown = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return unknown || !found.length ? undefined : found;
}

/** Every action written through recordAudit in src, with where it is written. */
function writtenActions(): { action: string; where: string }[] {
  const out: { action: string; where: string }[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('recordAudit(')) continue;
    const rel = relative(SRC, file);
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'recordAudit' && !ts.isFunctionDeclaration(node.parent)) {
        const input = node.arguments[2];
        const where = `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (!input || !ts.isObjectLiteralExpression(input)) throw new Error(`${where}: recordAudit's input is not an object literal`);
        const prop = input.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'action');
        let v: string[] | undefined;
        if (prop && ts.isPropertyAssignment(prop)) v = values(prop.initializer, sf);
        else if (prop && ts.isShorthandPropertyAssignment(prop)) v = identifierValues(prop.name.text, prop, sf);
        if (v) out.push(...v.map((action) => ({ action, where })));
        else if (!DYNAMIC.has(rel)) throw new Error(`${where}: cannot tell which action this recordAudit writes; use a literal or a parameter given literals`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

describe('the audit log speaks Vietnamese and English', () => {
  it('has a label for every action written anywhere in src', () => {
    const written = writtenActions();
    // The scan itself must find the known kinds of call: a literal, a wrapper's parameter, a typed template.
    expect(written.map((w) => w.action)).toEqual(expect.arrayContaining(['auth.login', 'calendar.notice.recorded', 'catalog.version.updated', 'catalog.version.abolished', 'dossier.imported']));
    const missing = written.filter((w) => !AUDIT_VOCABULARY.actions[w.action]).map((w) => `${w.action} (${w.where})`);
    expect(missing).toEqual([]);
  });

  it('labels every dossier event, written as "dossier.<type>", alone and combined', () => {
    for (const type of Object.keys(EVENT_LABELS)) expect(AUDIT_VOCABULARY.actions[`dossier.${type}`]).toBeDefined();
    expect(actionLabel(AUDIT_VOCABULARY, 'dossier.taken+transferred')).toEqual({ vi: 'Nhận xử lý, Chuyển xử lý', en: 'Taken, Transferred' });
  });

  it('labels every action and record of the procedure reviews\' history, written as "procedure_review.<action>"', () => {
    for (const action of Object.keys(PR_ACTIONS)) expect(AUDIT_VOCABULARY.actions[`procedure_review.${action}`], action).toBeDefined();
    for (const record of ['parameters', 'review_plan', 'review', 'plan']) expect(AUDIT_VOCABULARY.entities[`procedure_review_${record}`], record).toBeDefined();
  });

  it('has a label for every kind of object written, in both languages and without codes', () => {
    const text = sourceFiles(SRC).map((f) => readFileSync(f, 'utf8')).join('\n');
    const entities = new Set([...text.matchAll(/\bentity: '([a-z_]+)'/g)].map((m) => m[1]!));
    expect(entities.size).toBeGreaterThan(5);
    for (const entity of entities) expect(AUDIT_VOCABULARY.entities[entity], entity).toBeDefined();
    for (const label of [...Object.values(AUDIT_VOCABULARY.actions), ...Object.values(AUDIT_VOCABULARY.entities).map((e) => e.label)]) {
      expect(label.vi).not.toMatch(/[a-z]+[._][a-z]+/);
      expect(label.en).not.toMatch(/[a-z]+[._][a-z]+/);
    }
  });

  it('a filter on one step also finds the rows that recorded it with others', () => {
    const re = new RegExp(actionPattern('dossier.transferred'));
    expect(['dossier.transferred', 'dossier.taken+transferred', 'dossier.transferred+assigned'].every((a) => re.test(a))).toBe(true);
    expect(['dossier.transferred_x', 'dossier.taken', 'org.transferred', 'xdossier.transferred'].some((a) => re.test(a))).toBe(false);
    expect(new RegExp(actionPattern('auth.login')).test('auth.login_failed')).toBe(false);
  });
});
