import type { DocumentStatus } from '../registry.tables.js';
import { dmy, type FieldProblem, type FileState, type IsoDay, type Refusal } from './retention.js';

/**
 * Which documents go into which file (Decree 30 art. 29.3: the person handling the work gathers every
 * document of it into the file opened for it), and when a file may be closed (art. 29.4). Pure.
 */
export const FILEABLE: Record<'in' | 'out', readonly DocumentStatus[]> = {
  // An incoming document counts once registered (it has its arrival number); a draft is not a document yet.
  in: ['registered', 'routed', 'done'],
  out: ['released'],
};

type Doc = { unit_id: number; direction: 'in' | 'out'; status: DocumentStatus; issued_on: IsoDay | null; arrival_on: IsoDay | null };
type File = { unit_id: number; year: number; status: FileState };

/** The day a document entered the agency's work: an incoming one's arrival, an outgoing one's issue. */
export const workDay = (doc: Pick<Doc, 'direction' | 'issued_on' | 'arrival_on'>): IsoDay | null =>
  (doc.direction === 'in' ? doc.arrival_on ?? doc.issued_on : doc.issued_on);

/** Why this document cannot be filed in this file, or null. (Whether it is in another file is the database's to say.) */
export function filingRefusal(doc: Doc, file: File): Refusal | null {
  if (file.status !== 'open') return { code: 'FILE_NOT_OPEN', vi: 'Hồ sơ đã kết thúc: văn bản trong hồ sơ được giữ nguyên, không thêm hay bớt.', en: 'The file is closed: its documents are frozen.' };
  if (doc.unit_id !== file.unit_id) return { code: 'DOCUMENT_OTHER_AGENCY', vi: 'Văn bản thuộc sổ của cơ quan khác, không lập vào hồ sơ của cơ quan này được.', en: 'The document belongs to another agency\'s registers.' };
  if (!FILEABLE[doc.direction].includes(doc.status)) {
    return { code: 'DOCUMENT_NOT_FILEABLE', vi: doc.direction === 'in' ? 'Chỉ lập hồ sơ văn bản đến đã vào sổ.' : 'Chỉ lập hồ sơ văn bản đi đã ban hành.', en: 'Only registered incoming and released outgoing documents are filed.' };
  }
  const day = workDay(doc);
  if (day === null || Number(day.slice(0, 4)) !== file.year) {
    return { code: 'DOCUMENT_OTHER_YEAR', vi: `Văn bản không thuộc năm ${file.year} của hồ sơ.`, en: `The document is not of the file's year ${file.year}.` };
  }
  return null;
}

/**
 * The day the work ended, as the person closing the file gives it (art. 29.4.a: a file ends when its work
 * is done): not in the future, not before the file's year, not before its latest document.
 */
export function closeProblem(endedOn: IsoDay, today: IsoDay, year: number, latestDocument: IsoDay | null): FieldProblem | null {
  if (endedOn > today) return { path: 'endedOn', vi: 'Ngày kết thúc công việc không được sau hôm nay.', en: 'The end of the work cannot be in the future.' };
  if (Number(endedOn.slice(0, 4)) < year) return { path: 'endedOn', vi: `Ngày kết thúc công việc không được trước năm ${year} của hồ sơ.`, en: `The work cannot end before the file's year ${year}.` };
  if (latestDocument !== null && endedOn < latestDocument) {
    return { path: 'endedOn', vi: `Công việc chưa kết thúc: hồ sơ có văn bản ngày ${dmy(latestDocument)}, sau ngày kết thúc đã chọn.`, en: `The file holds a document of ${latestDocument}, after the chosen end of the work.` };
  }
  return null;
}
