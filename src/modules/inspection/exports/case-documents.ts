import { renderPdf, signatureBlock, type Content } from '../../../platform/documents/index.js';
import { mm, officialDocument, officialHeading, officialTitle } from '../../../platform/documents/official-style.js';
import type { caseDetail } from '../case-view.js';
import type { disciplineDetail } from '../discipline-view.js';
import { OUTCOME_LABELS } from '../reports-labels.js';
import { placeDate, type Agency } from './report-content.js';

/**
 * The documents of a case as PDFs (issue 18 scope 4): the acceptance notice (thông báo thụ lý) and the
 * decision or conclusion of a complaint or denunciation, and the discipline decision. They are drawn from
 * what the case's API answered the caller, so they show exactly what the caller may read: a detail without
 * the petitioner (`party: null`) prints "(được giữ bí mật)" in its place, and a discipline detail's
 * deliberations (the secret ballot, the minutes) are never printed, whoever asks.
 */
export type CaseDetail = ReturnType<typeof caseDetail>;
export type DisciplineDetail = ReturnType<typeof disciplineDetail>;
export type CaseDocumentKind = 'acceptance' | 'conclusion';
export type IssuingAgency = Agency & { shortName: string | null };

export const SECRET = '(được giữ bí mật)';
const dmy = (d: string) => d.split('-').reverse().join('/');
const body = (text: string | Content[], extra: Record<string, unknown> = {}): Content => ({ text, alignment: 'justify', leadingIndent: mm(10), margin: [0, 0, 0, 5], ...extra } as Content);
const blankNumber = (type: string, a: IssuingAgency) => `Số:${'\u00a0'.repeat(8)}/${type}${a.shortName ? `-${a.shortName}` : ''}`;

const isDenunciation = (c: CaseDetail) => c.kind === 'denunciation';
const petitionWord = (c: CaseDetail) => (isDenunciation(c) ? 'tố cáo' : 'khiếu nại');
const instance = (c: CaseDetail) => (c.kind === 'complaint_second' ? 'lần hai' : 'lần đầu');
const petitionerWord = (c: CaseDetail) => (isDenunciation(c) ? 'người tố cáo' : 'người khiếu nại');

/** The petitioner's lines: the values for a reader the service let see them, else the same labels kept secret. */
export function petitionerLines(c: Pick<CaseDetail, 'party' | 'identityProtected'>): [string, string][] {
  const p = c.party;
  const value = (v: string | null | undefined) => (p ? v || '(không có)' : c.identityProtected ? SECRET : '(không có)');
  return [['Họ và tên', value(p?.fullName)], ['Số định danh cá nhân', value(p?.idNumber)], ['Địa chỉ', value(p?.address)], ['Số điện thoại', value(p?.phone)], ['Thư điện tử', value(p?.email)]];
}

function closing(recipients: string[]): Content {
  const list: Content[] = [{ text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 }, ...recipients.map((r): Content => ({ text: r, fontSize: 11 }))];
  return { columns: [{ width: '45%', stack: list }, { width: '55%', stack: [signatureBlock({ title: 'Thủ trưởng đơn vị', note: '(Ký tên, đóng dấu)', space: 70 })] }], columnGap: 8, margin: [0, 12, 0, 0], unbreakable: true };
}

function receipt(c: CaseDetail): Content[] {
  const who = petitionerLines(c).map(([label, v]): Content => body([{ text: `${label}: ` }, { text: v, bold: v !== SECRET }]));
  const about = c.subjectStaff
    ? `${isDenunciation(c) ? 'Người bị tố cáo' : 'Người có quyết định, hành vi bị khiếu nại'}: ${c.subjectStaff.fullName}, ${c.subjectUnitName}.`
    : `Cơ quan, đơn vị có quyết định, hành vi bị ${petitionWord(c)}: ${c.subjectUnitName}.`;
  return [
    body(`Ngày ${dmy(c.receivedOn)}, ${c.handlingUnitName} nhận được đơn ${petitionWord(c)} của ${petitionerWord(c)}:`),
    ...who,
    body(about),
    body(`Nội dung ${petitionWord(c)}: ${c.summary}`),
  ];
}

function acceptanceContent(c: CaseDetail, a: IssuingAgency): Content[] {
  const resolution = c.clocks.find((k) => k.name === 'resolution');
  const law = isDenunciation(c) ? 'Luật Tố cáo năm 2018' : 'Luật Khiếu nại năm 2011 (điều 27)';
  const what = isDenunciation(c) ? 'tố cáo' : `giải quyết khiếu nại ${instance(c)}`;
  const addressee = c.party ? c.party.fullName : c.identityProtected ? SECRET : '';
  return [
    officialHeading({ managingBody: a.managingBody ?? undefined, issuingUnit: a.name, number: blankNumber('TB', a), placeDate: placeDate(a.place, c.acceptedOn!) }),
    officialTitle('Thông báo', `Về việc thụ lý ${what}`),
    { text: `Kính gửi: ${addressee}`, alignment: 'center', margin: [0, 0, 0, 10] },
    ...receipt(c),
    body(`Căn cứ ${law}, ${c.handlingUnitName} thông báo thụ lý ${what} kể từ ngày ${dmy(c.acceptedOn!)}.`),
    ...(resolution ? [body(`Thời hạn giải quyết là ${resolution.period.days} ngày kể từ ngày thụ lý, đến hết ngày ${dmy(resolution.dueOn)}${c.extensions.length ? ` (đã gia hạn ${c.extensions.join(', ')} ngày)` : ''}.`)] : []),
    ...(isDenunciation(c) ? [body('Họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo được giữ bí mật theo quy định của Luật Tố cáo.', { italics: true })] : []),
    closing([`- ${c.party ? c.party.fullName : petitionerWord(c).replace(/^./, (x) => x.toUpperCase())};`, '- Lưu: VT, hồ sơ vụ việc.']),
  ];
}

function conclusionContent(c: CaseDetail, a: IssuingAgency): Content[] {
  const [title, subject] = isDenunciation(c) ? ['Kết luận', 'Nội dung tố cáo'] : ['Quyết định', `Về việc giải quyết khiếu nại ${instance(c)}`];
  const outcome = c.outcome ? OUTCOME_LABELS[c.outcome].toLocaleLowerCase('vi') : '';
  return [
    officialHeading({ managingBody: a.managingBody ?? undefined, issuingUnit: a.name, number: `Số: ${c.decisionNo ?? ''}`, placeDate: placeDate(a.place, c.decisionDate!) }),
    officialTitle(title, subject),
    ...receipt(c),
    body(`Ngày ${dmy(c.acceptedOn!)}, ${c.handlingUnitName} thụ lý ${isDenunciation(c) ? 'tố cáo' : 'giải quyết khiếu nại'}. Kết quả xác minh và ${isDenunciation(c) ? 'kết luận' : 'giải quyết'} như sau:`),
    body(c.conclusion ?? ''),
    body([{ text: 'Kết luận: ' }, { text: c.outcome === 'withdrawn' ? `${petitionerWord(c)} đã rút đơn; đình chỉ việc giải quyết.` : `nội dung ${petitionWord(c)} là ${outcome}.`, bold: true }]),
    closing([`- ${c.party ? c.party.fullName : petitionerWord(c).replace(/^./, (x) => x.toUpperCase())};`, '- Cơ quan thanh tra cùng cấp;', '- Lưu: VT, hồ sơ vụ việc.']),
  ];
}

const SHORTCUT_BASIS: Record<string, string> = {
  conclusion: 'Căn cứ kết luận của cơ quan có thẩm quyền về hành vi vi phạm và hình thức kỷ luật đề nghị;',
  conviction: 'Căn cứ bản án đã có hiệu lực pháp luật;',
  party: 'Căn cứ quyết định kỷ luật về Đảng;',
};

function disciplineContent(d: DisciplineDetail, a: IssuingAgency): Content[] {
  const decision = d.decision!;
  const person = d.personKind === 'can_bo' ? 'cán bộ' : 'công chức';
  const shortcut = d.events.find((e) => e.action === 'decide')?.details.shortcut;
  const basis = typeof shortcut === 'string' && SHORTCUT_BASIS[shortcut]
    ? SHORTCUT_BASIS[shortcut]!
    : `Xét văn bản kiến nghị của Hội đồng kỷ luật${d.steps.recommendation ? ` ngày ${dmy(d.steps.recommendation)}` : ''};`;
  const who = [d.subject.fullName, d.subject.position, d.subject.unitName].filter(Boolean).join(', ');
  const until = decision.superseded || !decision.lastDayInForce ? '' : `, đến hết ngày ${dmy(decision.lastDayInForce)}`;
  return [
    officialHeading({ managingBody: a.managingBody ?? undefined, issuingUnit: a.name, number: `Số: ${decision.decisionNo}`, placeDate: placeDate(a.place, decision.decisionDate) }),
    officialTitle('Quyết định', `Về việc thi hành kỷ luật đối với ${person} ${d.subject.fullName}`),
    body('Căn cứ Luật Cán bộ, công chức số 80/2025/QH15;', { italics: true }),
    body('Căn cứ Nghị định số 172/2025/NĐ-CP của Chính phủ quy định về xử lý kỷ luật cán bộ, công chức;', { italics: true }),
    body(basis, { italics: true }),
    { text: 'QUYẾT ĐỊNH:', bold: true, alignment: 'center', margin: [0, 6, 0, 8] },
    body([{ text: 'Điều 1. ', bold: true }, { text: `Thi hành kỷ luật bằng hình thức ${decision.formName} đối với ${who}.` }]),
    body(`Lý do: ${d.offenceSummary}`),
    body([{ text: 'Điều 2. ', bold: true }, {
      text: `Quyết định này có hiệu lực kể từ ngày ${dmy(decision.effectiveOn)}. Thời gian thi hành kỷ luật là 12 tháng kể từ ngày có hiệu lực${until} (Nghị định số 172/2025/NĐ-CP, điều 2 khoản 9).`,
    }]),
    body([{ text: 'Điều 3. ', bold: true }, { text: `${d.unitName}, các đơn vị có liên quan và ${d.subject.fullName} chịu trách nhiệm thi hành Quyết định này.` }]),
    closing(['- Như Điều 3;', '- Lưu: VT, hồ sơ cá nhân.']),
  ];
}

const FILE_NAMES: Record<CaseDocumentKind, (c: CaseDetail) => string> = {
  acceptance: (c) => `thong-bao-thu-ly-${c.id}.pdf`,
  conclusion: (c) => (isDenunciation(c) ? `ket-luan-noi-dung-to-cao-${c.id}.pdf` : `quyet-dinh-giai-quyet-khieu-nai-${c.id}.pdf`),
};

export async function casePdf(kind: CaseDocumentKind, c: CaseDetail, agency: IssuingAgency): Promise<{ name: string; content: Buffer }> {
  const content = kind === 'acceptance' ? acceptanceContent(c, agency) : conclusionContent(c, agency);
  const title = kind === 'acceptance' ? `Thông báo thụ lý - vụ việc ${c.id}` : `${isDenunciation(c) ? 'Kết luận nội dung tố cáo' : 'Quyết định giải quyết khiếu nại'} - vụ việc ${c.id}`;
  return { name: FILE_NAMES[kind](c), content: await renderPdf(officialDocument(content, { title, fontSize: 13 })) };
}

export async function disciplinePdf(d: DisciplineDetail, agency: IssuingAgency): Promise<{ name: string; content: Buffer }> {
  return { name: `quyet-dinh-ky-luat-${d.id}.pdf`, content: await renderPdf(officialDocument(disciplineContent(d, agency), { title: `Quyết định kỷ luật - vụ việc ${d.id}`, fontSize: 13 })) };
}
