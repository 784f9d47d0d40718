import { createHash } from 'node:crypto';

/**
 * The outside transport of the registry's exchange (issue 19 scope 3): how a released document reaches
 * an agency outside the province's own system. Addressees inside the province get their copy directly
 * (exchange.service.ts); only recipients known by name go through a transport.
 *
 * The envelope's fields follow the input data standard of Decree 30/2020 Appendix VI Part II (the
 * outgoing data set: OrganId, CodeNumber, CodeNotation, IssuedDate, TypeName, OrganName, Subject,
 * PageAmount, SignerInfo, To, Priority, DueDate), with the files and their SHA-256 so the receiver can
 * check integrity (Decree 30 art. 20: an electronic document received is checked for authenticity and
 * integrity). It is NOT the national document-exchange axis's edXML message: that format (Decision
 * 28/2018/QĐ-TTg, QCVN 102) was not verified (DOMAIN §9, last paragraph). A transport for the national
 * axis would map this envelope to edXML; nothing else in the module changes.
 */
export type EnvelopeOrgan = {
  /** The electronic ID code of the agency (Decision 20/2020/QĐ-TTg, String 13+), when known. */
  OrganId: string | null;
  OrganName: string;
};

export type EnvelopeAttachment = {
  Name: string;
  Mime: string;
  Size: number;
  /** Hex SHA-256 of the content: the receiver refuses a file whose content does not match. */
  Sha256: string;
  /** The main document (the signed copy) rather than an annex. */
  Main: boolean;
  ContentBase64: string;
};

export type ExchangeEnvelope = {
  /** Unique per delivery and stable across retries: the receiver answers a repeated send with the same receipt. */
  EnvelopeId: string;
  From: EnvelopeOrgan;
  To: EnvelopeOrgan[];
  /** Every addressee printed on the document (Appendix VI "ToPlaces"), for information. */
  ToPlaces: string[];
  Document: {
    /** The issuing agency (Appendix VI "OrganId", "OrganName"). */
    OrganId: string | null;
    OrganName: string;
    /** The number (String 11) and what follows it after the slash (String 30), e.g. "05" and "KH-SNV". */
    CodeNumber: string;
    CodeNotation: string;
    /** YYYY-MM-DD. */
    IssuedDate: string;
    TypeName: string;
    Subject: string;
    PageAmount: number | null;
    SignerInfo: { Position: string | null; FullName: string | null };
    /** Urgency: 0 normal, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc (Appendix VI "Priority", Number 1). */
    Priority: 0 | 1 | 2 | 3;
    /** Secrecy: 0 normal, 1 mật, 2 tối mật, 3 tuyệt mật. */
    Secrecy: 0 | 1 | 2 | 3;
    DueDate: string | null;
  };
  Attachments: EnvelopeAttachment[];
};

/** The sender recalls a document it sent (Appendix VI: the recipient's copy is deleted on recall). */
export type RecallNotice = { EnvelopeId: string; Reason: string; RecalledAt: string };

export interface ExchangeTransport {
  /** Stored in `reg_deliveries.transport` ('local', …). */
  readonly name: string;
  /**
   * Hands the envelope over and answers the receiver's delivery receipt. Called after the release has
   * committed, possibly more than once for one envelope (retries): must be idempotent on `EnvelopeId`.
   * Throws when the envelope was not accepted; the caller retries with back-off.
   */
  send(envelope: ExchangeEnvelope): Promise<{ receiptId: string }>;
  /** Tells the receiver the sender recalled an envelope it accepted; optional for transports that cannot. */
  recall?(notice: RecallNotice): Promise<{ receiptId: string }>;
}

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** "05/KH-SNV" → ["05", "KH-SNV"]; "88/2025/QĐ-UBND" → ["88", "2025/QĐ-UBND"]. */
export function splitSymbol(symbol: string | null, number: number | null): { CodeNumber: string; CodeNotation: string } {
  const s = symbol ?? '';
  const slash = s.indexOf('/');
  const head = slash >= 0 ? s.slice(0, slash) : '';
  const code = head || (number === null ? '' : String(number).padStart(2, '0'));
  return { CodeNumber: code, CodeNotation: slash >= 0 ? s.slice(slash + 1) : s };
}

const PRIORITY = { normal: 0, khan: 1, thuong_khan: 2, hoa_toc: 3 } as const;
const SECRECY = { normal: 0, mat: 1, toi_mat: 2, tuyet_mat: 3 } as const;
export const priorityOf = (urgency: keyof typeof PRIORITY) => PRIORITY[urgency];
export const secrecyOf = (confidentiality: keyof typeof SECRECY) => SECRECY[confidentiality];
