/**
 * A dossier's history is an append-only list of these events (STYLE: history is rows, not
 * columns). Every value the reducer needs — due dates included — is computed when the event is
 * written and stored in it, so replaying the log never depends on today's calendar or catalogue.
 */
export type RouteStep = {
  order: number;
  name: string;
  unitId: number | null;
  unitName: string;
  role: 'desk_officer' | 'specialist' | 'unit_head';
  budgetHours: number;
  interAgency: boolean;
  /** A body outside the province's tree (tax authority…): handled by hand-over and hand-back. */
  external: boolean;
};

export type Person = { staffId: number | null; name: string };

export type SupplementItem = { name: string; reason: string; legalBasis?: string };

/** The types of stored file a dossier may refer to (the file store accepts no others). */
export const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type FileType = (typeof FILE_TYPES)[number];

/**
 * A stored file as a dossier refers to it: the key is the SHA-256 of the content (platform/files),
 * the name is what the person who attached it called it, shown and used when it is downloaded.
 */
export type FileRef = { key: string; name: string; type: FileType };

/**
 * A scan of a document (Circular 01/2023 digitisation). `documentIndex` is the document's place in
 * the dossier's list of received documents; null for a paper handed in with a supplement that is
 * not on that list (it is named instead).
 */
export type Scan = { documentIndex: number | null; documentName: string; file: FileRef };

/** When a scan was made: at reception, when a supplement came in, or later by the desk digitising a paper dossier. */
export type ScanStage = 'intake' | 'supplement' | 'desk';

export type ResultMethod = 'desk' | 'post' | 'online';

export type EventPayload =
  | { type: 'submitted'; channel: 'online' | 'post' }
  | { type: 'received'; receivedAt: string; dueAt: string; route: RouteStep[]; deskStaff: Person; stepDueAt: string }
  | { type: 'refused'; reasons: string[] }
  | { type: 'reception_supplement_requested'; items: SupplementItem[] }
  /** The applicant sent the missing documents online (the dossier still awaits reception at the desk). */
  | { type: 'reception_supplement_submitted'; documents: { name: string }[]; note?: string }
  | { type: 'transferred'; toStep: number; toUnitId: number | null; toUnitName: string; toStaff: Person | null; stepDueAt: string; note?: string }
  | { type: 'taken'; staff: Person }
  | { type: 'assigned'; staff: Person; reason?: string }
  | { type: 'returned_to_step'; toStep: number; toUnitId: number | null; toUnitName: string; toStaff: Person | null; stepDueAt: string; reason: string }
  | { type: 'supplement_requested'; items: SupplementItem[]; note?: string }
  | { type: 'supplement_received'; newDueAt: string; pausedWorkingHours: number; mode: 'shift' | 'restart'; note?: string; documents?: { name: string }[] }
  | { type: 'payment_requested'; amount: number; items: { name: string; amount: number }[] }
  | { type: 'payment_confirmed'; amount: number; method: string; reference?: string }
  | { type: 'extended'; newDueAt: string; reason: string; signer: string }
  | { type: 'stopped'; reason: string }
  | { type: 'withdrawn'; reason: string; requestedAt: string }
  | { type: 'result_recorded'; summary: string; resultNumber?: string; deskStaff: Person | null; deskUnitId: number | null; deskUnitName: string; resultFile?: FileRef }
  | { type: 'result_returned'; receiverName: string; method: ResultMethod; note?: string; address?: string; resultFile?: FileRef }
  | { type: 'scans_attached'; stage: ScanStage; scans: Scan[] }
  | { type: 'draft_attached'; file: FileRef; note?: string };

export type EventType = EventPayload['type'];

export type DossierEvent = EventPayload & {
  seq: number;
  at: string;
  actor: Person;
  unitId: number | null;
};

export const EVENT_LABELS: Record<EventType, { vi: string; en: string }> = {
  submitted: { vi: 'Nộp hồ sơ trực tuyến', en: 'Submitted' },
  received: { vi: 'Tiếp nhận hồ sơ', en: 'Received' },
  refused: { vi: 'Từ chối tiếp nhận', en: 'Refused at reception' },
  reception_supplement_requested: { vi: 'Hướng dẫn bổ sung khi tiếp nhận', en: 'Supplement requested at reception' },
  reception_supplement_submitted: { vi: 'Công dân nộp bổ sung trực tuyến (chờ tiếp nhận)', en: 'Applicant supplemented online (awaiting reception)' },
  transferred: { vi: 'Chuyển xử lý', en: 'Transferred' },
  taken: { vi: 'Nhận xử lý', en: 'Taken' },
  assigned: { vi: 'Phân công xử lý', en: 'Assigned' },
  returned_to_step: { vi: 'Trả lại bước trước', en: 'Returned to a previous step' },
  supplement_requested: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Supplement requested' },
  supplement_received: { vi: 'Nhận hồ sơ bổ sung', en: 'Supplement received' },
  payment_requested: { vi: 'Yêu cầu nộp phí, lệ phí', en: 'Payment requested' },
  payment_confirmed: { vi: 'Xác nhận đã nộp phí', en: 'Payment confirmed' },
  extended: { vi: 'Xin lỗi và gia hạn', en: 'Apology and extension' },
  stopped: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  withdrawn: { vi: 'Rút hồ sơ theo yêu cầu', en: 'Withdrawn' },
  result_recorded: { vi: 'Có kết quả giải quyết', en: 'Result recorded' },
  result_returned: { vi: 'Trả kết quả', en: 'Result returned' },
  scans_attached: { vi: 'Số hóa giấy tờ (đính kèm bản quét)', en: 'Documents digitised (scans attached)' },
  draft_attached: { vi: 'Đính kèm dự thảo', en: 'Draft attached' },
};
