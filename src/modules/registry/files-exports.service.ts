import type { Actor } from '../../platform/access/policy.js';
import { AppError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { slipAgency } from '../org/agency-heading.js';
import { fileExportPdf, type ContentsLine, type EmbeddedCopy } from './exports/file-export.js';
import { fileListPdf, type Agency } from './exports/file-list.js';
import * as files from './files.repository.js';
import type { FileView } from './files.view.js';
import { actorOf, mayRead, type RegistryDeps } from './registry.context.js';
import * as repo from './registry.repository.js';
import { documentTypeName } from './rules/document-types.js';
import { workDay } from './rules/filing.js';

/** Above this the documents' electronic copies are left out of a file's PDF (a reader, a mail server would choke). */
const MAX_EMBEDDED_BYTES = 40 * 1024 * 1024;
const dmy = (d: string | null) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '');

/**
 * A file's documents in the order they were made, numbered (Appendix VI §III.4.b: the system numbers the
 * documents of a file). A document the caller may not read (a confidential one) shows only that it is there.
 */
export async function documentLines(deps: RegistryDeps, actor: Actor, fileId: number) {
  const rows = await files.documentsOf(deps.db, fileId);
  const parties = await files.partiesOfMany(deps.db, rows.map((r) => r.id));
  return rows.map((d, i) => {
    const readable = mayRead(actor, d, parties.get(d.id)!);
    return {
      ordinal: i + 1, documentId: d.id, direction: d.direction, readable, confidentiality: d.confidentiality,
      docType: d.doc_type, docTypeName: documentTypeName(d.doc_type),
      number: readable ? d.number : null, symbol: readable ? d.symbol : null, issuedOn: d.issued_on, arrivalNumber: d.arrival_number, arrivalOn: d.arrival_on,
      workDay: workDay(d), issuerName: readable ? d.issuer_name : null, subject: readable ? d.subject : null, pages: d.pages,
      hasFile: d.file_key !== null, filedAt: d.filed_at.toISOString(), filedBy: d.filed_by_staff_id,
      fileKey: d.file_key,
    };
  });
}
type DocumentLine = Awaited<ReturnType<typeof documentLines>>[number];

/** The heading of the agency's papers: its records-office settings first (managing body, place), the org tree otherwise. */
async function agencyHeading(deps: RegistryDeps, unitId: number): Promise<Agency> {
  const [units, settings] = await Promise.all([deps.org.allUnits(), repo.settingsOf(deps.db, unitId)]);
  const fromTree = slipAgency(units, unitId);
  return { managingBody: settings?.managing_body ?? fromTree.managingBody, name: units.find((u) => u.id === unitId)?.name ?? fromTree.name, place: settings?.place_name ?? fromTree.place };
}

/** "Tên loại và trích yếu": the type's name before the subject, unless the subject already starts with it. */
const typeAndSubject = (type: string, subject: string) => (subject.toLocaleLowerCase('vi').startsWith(type.toLocaleLowerCase('vi')) ? subject : `${type}: ${subject}`);

/** Tờ số/Trang số (Appendix V §IV column 6): each document's pages counted on from the previous ones, when known. */
function pageRanges(lines: DocumentLine[]): string[] {
  let next = 1;
  return lines.map((l) => {
    if (!l.pages) return '';
    const range = l.pages === 1 ? String(next) : `${next}–${next + l.pages - 1}`;
    next += l.pages;
    return range;
  });
}

type Readers = {
  list(ctx: RequestContext, q: { unitId: number; year: number }): Promise<{ list: { status: string; decisionNo: string | null; decisionDate: string | null } | null; files: FileView[] }>;
  get(ctx: RequestContext, id: number): Promise<FileView & { documents: (Omit<DocumentLine, 'filedBy' | 'fileKey'> & { filedBy: { fullName: string } | null })[] }>;
};

/** The file list and a whole file as PDF, drawn from the same answers the API gives the caller. */
export function createFileExports(deps: RegistryDeps, readers: Readers) {
  const responsibleText = (f: Pick<FileView, 'responsible' | 'responsibleUnitName'>) =>
    [f.responsibleUnitName, f.responsible?.fullName].filter(Boolean).join(' / ');

  async function listPdf(ctx: RequestContext, unitId: number, year: number) {
    const answer = await readers.list(ctx, { unitId, year });
    const pdf = await fileListPdf({
      agency: await agencyHeading(deps, unitId),
      year,
      list: answer.list ? { approved: answer.list.status === 'approved', decisionNo: answer.list.decisionNo, decisionDate: answer.list.decisionDate } : null,
      files: answer.files.map((f) => ({
        code: f.code, title: f.title, heading: f.heading, retentionLabel: f.retentionLabel, permanent: f.retention === 'permanent', responsible: responsibleText(f),
        note: [f.note, f.addedAfterApproval ? 'Bổ sung sau khi danh mục được phê duyệt' : null, f.status === 'disposed' ? 'Đã hủy' : null].filter(Boolean).join('; '),
      })),
    });
    return { pdf, fileName: `danh-muc-ho-so-${year}.pdf` };
  }

  /** Only for a caller who may read every document of the file: the export carries their text and copies. */
  async function exportFile(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const detail = await readers.get(ctx, id);
    if (detail.documents.some((d) => !d.readable)) {
      throw new AppError('FILE_HAS_SECRET_DOCUMENTS', 403,
        'Hồ sơ có văn bản mật mà bạn không được xem, nên không kết xuất cả hồ sơ được.', 'The file holds confidential documents you may not read.');
    }
    const lines = await documentLines(deps, actor, id);
    const pages = pageRanges(lines);
    const contents: ContentsLine[] = lines.map((l, i) => ({
      ordinal: l.ordinal,
      symbol: l.symbol ?? (l.number ? String(l.number) : ''),
      date: dmy(l.issuedOn),
      typeAndSubject: typeAndSubject(l.docTypeName, l.subject ?? ''),
      author: l.issuerName ?? detail.unitName,
      pages: pages[i]!,
      note: l.direction === 'in' ? `Văn bản đến số ${l.arrivalNumber ?? ''}, ngày ${dmy(l.arrivalOn)}` : 'Văn bản đi',
    }));
    const copies: EmbeddedCopy[] = [];
    let total = 0;
    for (const l of lines) {
      if (!l.fileKey) continue;
      const bytes = await deps.files.get(l.fileKey);
      if (!bytes || bytes.length === 0 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') continue;
      total += bytes.length;
      if (total > MAX_EMBEDDED_BYTES) break;
      const name = `${String(l.ordinal).padStart(3, '0')}-${(l.symbol ?? `van-ban-${l.documentId}`).replace(/[^\p{L}\p{N}.-]+/gu, '-')}.pdf`;
      copies.push({ name, description: `${l.symbol ?? ''} ${l.subject ?? ''}`.trim(), bytes });
    }
    const pdf = await fileExportPdf({
      agency: await agencyHeading(deps, detail.unitId),
      file: {
        code: detail.code, fileCode: [detail.fileCode.organId, detail.fileCode.year, detail.fileCode.notation].filter(Boolean).join(' / '), title: detail.title, heading: detail.heading,
        year: detail.year, retentionLabel: detail.retentionLabel, startDate: detail.startDate, endDate: detail.endDate, documentCount: detail.documentCount, pageCount: detail.pageCount,
        responsible: responsibleText(detail), statusLabel: detail.statusLabel, handedOverOn: detail.handedOverOn,
      },
      documents: contents,
      copies,
      printedAt: deps.now(),
    });
    // Appendix VI §III.6.l: the use of a file is part of its history.
    await files.insertFileEvent(deps.db, { fileId: id }, actor, 'exported', deps.now(), null, { documents: lines.length, embedded: copies.length });
    return { pdf, fileName: `ho-so-${detail.year}-${detail.code}.pdf` };
  }

  return { listPdf, exportFile };
}
