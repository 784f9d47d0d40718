import type { Fee, ProcedureContent, RequiredDocument } from '../../catalog/schema.js';
import { CHANNEL_LABELS } from '../../catalog/labels.js';
import { formatViInteger } from '../../../platform/documents/vi-format.js';
import { fromNumber, mul, ratio, round } from './fraction.js';
import type { CostGroup, CostLine, Defaults, ProcedureFacts, Source } from './types.js';

export type Estimates = Record<string, { hours?: number; times?: number; cashVnd?: number; note?: string }>;

type Input = { content: ProcedureContent; facts: ProcedureFacts | null; defaults: Defaults; estimates?: Estimates };
type Editable = CostLine['editable'];

const n = (x: number) => formatViInteger(x);
/** "1,5": hours as Vietnamese writes them. */
const h = (x: number) => String(x).replace('.', ',');

const DEFAULT: Source = { kind: 'estimate', label: 'Ước tính mặc định của năm' };
const REVIEWER: Source = { kind: 'estimate', label: 'Ước tính của người rà soát' };
const NO_CASH: Source = { kind: 'estimate', label: 'Không phát sinh chi phí trực tiếp' };
const ONCE: Source = { kind: 'catalogue', label: 'Một lần cho mỗi hồ sơ' };
const ALL: Editable = { hours: true, times: false, cash: true };
const NONE: Editable = { hours: false, times: false, cash: false };

function line(key: string, group: CostGroup, label: string, f: Omit<CostLine, 'key' | 'group' | 'label' | 'editable'> & { editable?: Editable }): CostLine {
  const { editable = ALL, note, ...rest } = f;
  return { key, group, label, ...rest, ...(note ? { note } : {}), editable };
}

/** A frequency the dossiers show, or the catalogue's answer when they show none. */
type Times = { times: number; source: Source; fromData: boolean; note?: string };

const hasDossiers = (f: ProcedureFacts | null): f is ProcedureFacts => !!f && f.dossiers > 0;

/** Without dossiers: a trip to the desk once a dossier if the desk is a channel and filing is not full-online, else none. */
function tripFromCatalogue(c: ProcedureContent, what: string): Times {
  const desk = c.channels.some((ch) => ch.kind === 'desk') && c.onlineMode !== 'full';
  return desk
    ? { times: 1, fromData: false, source: { kind: 'catalogue', label: `Danh mục: có cách thức trực tiếp, chưa có số liệu ${what}` } }
    : { times: 0, fromData: false, source: { kind: 'catalogue', label: c.onlineMode === 'full' ? 'Danh mục: dịch vụ công trực tuyến toàn trình' : 'Danh mục: không có cách thức trực tiếp' } };
}

function submitTimes(c: ProcedureContent, f: ProcedureFacts | null): Times {
  if (!hasDossiers(f)) return tripFromCatalogue(c, 'hồ sơ');
  return { times: toTimes(f.desk, f.dossiers), fromData: true, source: { kind: 'dossiers', label: `Từ ${n(f.dossiers)} hồ sơ: ${n(f.desk)} hồ sơ nộp tại quầy` } };
}

function resultTimes(c: ProcedureContent, f: ProcedureFacts | null): Times {
  if (!f || f.resultsReturned <= 0) return tripFromCatalogue(c, 'trả kết quả');
  return { times: toTimes(f.resultsAtDesk, f.resultsReturned), fromData: true, source: { kind: 'dossiers', label: `Từ ${n(f.resultsReturned)} kết quả đã trả: ${n(f.resultsAtDesk)} kết quả nhận tại quầy` } };
}

function supplementTimes(f: ProcedureFacts | null, count: (f: ProcedureFacts) => number, how: string): Times {
  if (!hasDossiers(f)) {
    return { times: 0, fromData: false, source: { kind: 'estimate', label: 'Chưa có số liệu hồ sơ' }, note: 'Chưa có hồ sơ trong kỳ: chưa tính bổ sung hồ sơ; có thể nhập ước tính số lần.' };
  }
  return { times: toTimes(count(f), f.dossiers), fromData: true, source: { kind: 'dossiers', label: `Từ ${n(f.dossiers)} hồ sơ: ${n(count(f))} lượt bổ sung ${how}` } };
}

/** A ratio of counts as a number: the exact fraction's nearest double (cost.ts reads it back through its shortest decimal). */
function toTimes(part: number, whole: number): number {
  const r = ratio(part, whole);
  return Number(r.n) / Number(r.d);
}

function documentLines(docs: readonly RequiredDocument[], d: Defaults): CostLine[] {
  return docs.flatMap((doc, i): CostLine[] => {
    const key = `document:${i}`;
    if (doc.optional) return []; // art. 27(2)(a): the lower-average figure is the dossier without it
    if (doc.reusableFromNationalDb) {
      return [line(key, 'documents', `Giấy tờ: ${doc.name}`, {
        hours: 0, times: 1, cashVnd: 0, editable: NONE, note: 'Khai thác dữ liệu sẵn có: người dân không phải nộp',
        sources: { hours: { kind: 'catalogue', label: 'Khai thác dữ liệu sẵn có' }, times: ONCE, cash: NO_CASH },
      })];
    }
    const form = doc.formTemplate !== undefined;
    const out = [line(key, 'documents', form ? `Điền mẫu đơn, tờ khai: ${doc.name}` : `Chuẩn bị giấy tờ: ${doc.name}`, {
      hours: form ? d.formHours : d.documentHours, times: 1, cashVnd: 0,
      sources: { hours: DEFAULT, times: { kind: 'catalogue', label: form ? `Danh mục: theo mẫu ${doc.formTemplate}` : 'Danh mục: thành phần hồ sơ' }, cash: NO_CASH },
      ...(doc.presentOnly ? { note: 'Chỉ xuất trình để đối chiếu' } : {}),
    })];
    if (doc.certifiedCopies > 0) {
      out.push(line(`certify:${i}`, 'copies', `Chứng thực bản sao: ${doc.name}`, {
        hours: d.certifyHours, times: doc.certifiedCopies, cashVnd: d.certifyVndPerCopy,
        sources: { hours: DEFAULT, times: { kind: 'catalogue', label: `Danh mục: ${doc.certifiedCopies} bản sao chứng thực` }, cash: DEFAULT },
      }));
    }
    if (doc.copies > 0) {
      out.push(line(`copy:${i}`, 'copies', `Sao chụp: ${doc.name}`, {
        hours: 0, times: doc.copies, cashVnd: d.copyVndPerCopy,
        sources: { hours: { kind: 'estimate', label: 'Tính trong thời gian chuẩn bị giấy tờ' }, times: { kind: 'catalogue', label: `Danh mục: ${doc.copies} bản sao` }, cash: DEFAULT },
      }));
    }
    return out;
  });
}

function feeLine(fee: Fee, j: number): CostLine {
  const label = `${fee.kind === 'fee' ? 'Phí' : 'Lệ phí'}: ${fee.name}`;
  const only = fee.channels?.length ? `Chỉ thu khi nộp ${fee.channels.map((k) => CHANNEL_LABELS[k]).join(', ')}` : null;
  if (fee.amount === undefined) {
    return line(`fee:${j}`, 'fees', label, {
      hours: 0, times: 1, cashVnd: 0, editable: { hours: false, times: false, cash: true },
      note: [`Mức thu theo cách tính (${fee.formula ?? ''}): nhập ước tính`, only].filter(Boolean).join('; '),
      sources: { hours: NO_CASH, times: ONCE, cash: { kind: 'estimate', label: 'Chưa ước tính' } },
    });
  }
  return line(`fee:${j}`, 'fees', label, {
    hours: 0, times: 1, cashVnd: fee.amount, editable: NONE,
    ...(only ? { note: only } : {}),
    sources: { hours: NO_CASH, times: ONCE, cash: { kind: 'catalogue', label: `Danh mục: ${n(fee.amount)} đồng${fee.per ? `/${fee.per}` : ''}` } },
  });
}

function tripLine(key: string, group: CostGroup, label: string, t: Times, hours: number, hoursLabel: string, cashVnd: number): CostLine {
  return line(key, group, label, {
    hours, times: t.times, cashVnd,
    editable: { hours: true, times: !t.fromData, cash: true },
    ...(t.note ? { note: t.note } : {}),
    sources: { hours: { kind: 'estimate', label: `Ước tính mặc định của năm: ${hoursLabel}` }, times: t.source, cash: DEFAULT },
  });
}

/** The reviewer's estimate replaces a figure only where the line lets them (data and catalogue amounts stay). */
function withEstimate(l: CostLine, e: Estimates[string] | undefined): CostLine {
  if (!e) return l;
  const out: CostLine = { ...l, sources: { ...l.sources } };
  if (e.hours !== undefined && l.editable.hours) [out.hours, out.sources.hours] = [e.hours, REVIEWER];
  if (e.times !== undefined && l.editable.times) [out.times, out.sources.times] = [e.times, REVIEWER];
  if (e.cashVnd !== undefined && l.editable.cash) [out.cashVnd, out.sources.cash] = [e.cashVnd, REVIEWER];
  if (e.note !== undefined && e.note.trim() !== '') out.note = e.note.trim();
  return out;
}

/**
 * The cost sheet's lines for one procedure version (RULES.md "Lines"): from the catalogue (documents,
 * copies and certifications, fees, channels), the dossiers' facts over the period (trips, supplements,
 * results at the desk) and the year's default estimates, with the reviewer's estimates applied where a
 * line is editable. Each figure carries its source. Waiting for the result is not a line: art. 27(2)(b)
 * counts no opportunity cost.
 */
export function costLines({ content: c, facts: f, defaults: d, estimates = {} }: Input): CostLine[] {
  const trip = d.travelHours + d.waitingHours;
  const tripHours = `đi lại ${h(d.travelHours)} giờ, chờ ${h(d.waitingHours)} giờ`;
  const lines: CostLine[] = [
    line('information', 'information', 'Tìm hiểu thủ tục (quy định, thành phần hồ sơ, cách thức thực hiện)', {
      hours: d.informationHours, times: 1, cashVnd: 0, sources: { hours: DEFAULT, times: ONCE, cash: NO_CASH },
    }),
    ...documentLines(c.documents, d),
    tripLine('trip.submit', 'submission', 'Đi nộp hồ sơ tại bộ phận một cửa', submitTimes(c, f), trip, tripHours, d.travelVnd),
    tripLine('supplement.trip', 'supplement', 'Bổ sung hồ sơ tại quầy (chuẩn bị, đi lại, chờ)', supplementTimes(f, (x) => x.supplementTrips, 'tại quầy'),
      d.supplementHours + trip, `chuẩn bị ${h(d.supplementHours)} giờ, ${tripHours}`, d.travelVnd),
    tripLine('supplement.online', 'supplement', 'Bổ sung hồ sơ trực tuyến', supplementTimes(f, (x) => x.supplementOnline, 'trực tuyến'),
      d.supplementHours, `chuẩn bị ${h(d.supplementHours)} giờ`, 0),
    tripLine('trip.result', 'result', 'Đi nhận kết quả tại bộ phận một cửa', resultTimes(c, f), trip, tripHours, d.travelVnd),
    ...c.fees.map(feeLine),
  ];
  return lines.map((l) => withEstimate(l, estimates[l.key]));
}

/** Inclusive days from `from` to `to` (YYYY-MM-DD, calendar days; 0 when `to` is before `from`). */
export function periodDays(period: { from: string; to: string }): number {
  const day = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000;
  return Math.max(0, day(period.to) - day(period.from) + 1);
}

/** The yearly number of dossiers from a period's count: the count itself over 365 or 366 days, else scaled to 365 days (rounded half-up). */
export function yearlyDossiers(facts: ProcedureFacts | null, period: { from: string; to: string }): number {
  if (!facts) return 0;
  const days = periodDays(period);
  if (days === 365 || days === 366) return facts.dossiers;
  if (days === 0) return 0;
  return round(mul(fromNumber(facts.dossiers), ratio(365, days)));
}
