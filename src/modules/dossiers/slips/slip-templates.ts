/**
 * The slip layouts are data (docs/SLIPS.md): the national defaults ship in `templates/NN.json`;
 * a province overrides any of them by placing its own `NN.json` in `<MOTCUA_DATA_DIR>/slips/`.
 * Every layout is validated when the app starts, so a broken file stops the start with its name
 * instead of failing at the desk when someone prints.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZodError } from 'zod';
import { parseDocumentTemplate, renderTemplatePdf, type DocumentTemplate } from '../../../platform/documents/index.js';

export const SLIP_FORMS = ['01', '02', '03', '04', '05', '06', '07'] as const;
export type SlipForm = (typeof SLIP_FORMS)[number];

export const DEFAULT_TEMPLATE_DIR = join(import.meta.dirname, 'templates');

export type SlipTemplates = Readonly<Record<SlipForm, DocumentTemplate>>;

export class SlipTemplateError extends Error {}

function readTemplate(file: string): DocumentTemplate {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new SlipTemplateError(`Mẫu phiếu ${file} không đọc được / cannot read slip template: ${(err as Error).message}`);
  }
  try {
    return parseDocumentTemplate(json);
  } catch (err) {
    const detail = err instanceof ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message;
    throw new SlipTemplateError(`Mẫu phiếu ${file} không hợp lệ / invalid slip template: ${detail}`);
  }
}

/** Every form's layout: the province's file where there is one, else the national default. */
export function loadSlipTemplates(overrideDir?: string): SlipTemplates {
  const out = {} as Record<SlipForm, DocumentTemplate>;
  for (const form of SLIP_FORMS) {
    const own = overrideDir ? join(overrideDir, `${form}.json`) : undefined;
    out[form] = readTemplate(own && existsSync(own) ? own : join(DEFAULT_TEMPLATE_DIR, `${form}.json`));
  }
  return out;
}

function valueAt(data: Record<string, unknown>, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const PLACEHOLDER = /\{\{\s*([^}|]+?)\s*(?:\|[^}]*)?\}\}/g;

/** True when a text names placeholders and none of them has a value. */
function onlyEmptyValues(text: string, data: Record<string, unknown>): boolean {
  const paths = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!.trim());
  return paths.length > 0 && paths.every((p) => {
    const v = valueAt(data, p);
    return v === undefined || v === null || v === '';
  });
}

/**
 * A heading line that would print only dotted blanks is left out instead: a People's Committee has
 * no managing body above it (Decree 30/2020, Appendix I, II.2), and a blank there is not a field
 * to fill by hand, unlike the body's blanks.
 */
export function pruneHeading(template: DocumentTemplate, data: Record<string, unknown>): DocumentTemplate {
  return {
    ...template,
    blocks: template.blocks.map((block) => {
      if (block.type !== 'heading' || !block.managingBody || !onlyEmptyValues(block.managingBody, data)) return block;
      const { managingBody: _dropped, ...rest } = block;
      return rest;
    }),
  };
}

export function renderSlipPdf(template: DocumentTemplate, data: Record<string, unknown>): Promise<Buffer> {
  return renderTemplatePdf(pruneHeading(template, data), data);
}
