import { describe, expect, it } from 'vitest';
import { formatFeedbackCode, makeSecret } from './code.js';
import { answeredOnTime, deadlineDays } from './deadline.js';
import { redact } from './redact.js';
import { actionsInStatus, allowedActions, isOverdue, nextStatus, refusal } from './status.js';

describe('feedback status machine', () => {
  it('allows per status, publish only with consent', () => {
    expect(actionsInStatus({ status: 'received', consentToPublish: true })).toEqual(['classify', 'note', 'withdraw']);
    expect(actionsInStatus({ status: 'answered', consentToPublish: true })).toContain('publish');
    expect(actionsInStatus({ status: 'answered', consentToPublish: false })).not.toContain('publish');
    expect(refusal({ status: 'answered', consentToPublish: false }, 'publish')?.code).toBe('NO_CONSENT_TO_PUBLISH');
    expect(refusal({ status: 'received', consentToPublish: true }, 'approve_answer')?.code).toBe('ACTION_NOT_ALLOWED');
    expect(refusal({ status: 'answered', consentToPublish: true }, 'withdraw')?.code).toBe('ACTION_NOT_ALLOWED');
    expect(refusal({ status: 'in_progress', consentToPublish: true }, 'draft_answer')).toBeNull();
  });
  it('filters by permission', () => {
    const handler = (p: string) => p === 'feedback.handle';
    expect(allowedActions({ status: 'awaiting_approval', consentToPublish: true }, handler)).toEqual(['note', 'withdraw']);
    expect(allowedActions({ status: 'awaiting_approval', consentToPublish: true }, () => true)).toEqual(['approve_answer', 'return_draft', 'note', 'withdraw']);
  });
  it('moves between statuses', () => {
    expect(nextStatus('received', 'classify', 'in_competence')).toBe('in_progress');
    expect(nextStatus('received', 'classify', 'forward')).toBe('received');
    expect(nextStatus('received', 'classify', 'out_of_scope')).toBe('rejected');
    expect(nextStatus('in_progress', 'draft_answer')).toBe('awaiting_approval');
    expect(nextStatus('awaiting_approval', 'return_draft')).toBe('in_progress');
    expect(nextStatus('awaiting_approval', 'approve_answer')).toBe('answered');
    expect(nextStatus('answered', 'publish')).toBe('published');
    expect(nextStatus('published', 'unpublish')).toBe('answered');
    expect(nextStatus('in_progress', 'assign')).toBe('in_progress');
  });
  it('overdue only while open', () => {
    const now = new Date('2026-03-02T02:00:00Z');
    expect(isOverdue('in_progress', new Date('2026-03-01T00:00:00Z'), now)).toBe(true);
    expect(isOverdue('answered', new Date('2026-03-01T00:00:00Z'), now)).toBe(false);
    expect(isOverdue('received', null, now)).toBe(false);
  });
});

describe('deadline selection', () => {
  it('uses the coordination limit when asked and configured', () => {
    expect(deadlineDays({ deadlineDays: 5, coordinationDeadlineDays: 7 }, false)).toBe(5);
    expect(deadlineDays({ deadlineDays: 5, coordinationDeadlineDays: 7 }, true)).toBe(7);
    expect(deadlineDays({ deadlineDays: 10, coordinationDeadlineDays: null }, true)).toBe(10);
    expect(answeredOnTime(new Date(10), new Date(10))).toBe(true);
    expect(answeredOnTime(new Date(10), new Date(11))).toBe(false);
    expect(answeredOnTime(null, new Date(11))).toBeNull();
  });
});

describe('code and secret', () => {
  it('dates the code in Hà Nội time', () => {
    expect(formatFeedbackCode(new Date('2026-12-02T18:00:00Z'), 7)).toBe('PAKN-20261203-0007');
    expect(makeSecret(() => new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]))).toMatch(/^[A-Z2-9]{8}$/);
  });
});

describe('redaction', () => {
  const person = { name: 'Lò Thị Mai', address: 'Bản Hon, xã Tân Phong', phone: '0912345678', email: 'mai.lo@example.vn' };
  it('removes what the submitter gave and any contact or ID number', () => {
    const r = redact('Tôi là Lò  Thị Mai, ở Bản Hon, xã Tân Phong, ĐT 0912 345 678, thư mai.lo@example.vn, CCCD 012345678901, CMND 123456789.', person);
    expect(r.text).not.toMatch(/Mai|Bản Hon|0912|example|012345678901|123456789/);
    expect(r.text).toContain('[họ tên]');
    expect(r.removed.sort()).toEqual(['address', 'email', 'id_number', 'name', 'phone']);
  });
  it('removes any phone, e-mail and names after a form of address', () => {
    const r = redact('Liên hệ +84 912 000 111 hoặc a.b@x.vn; ông Nguyễn Văn An đã nộp hồ sơ.');
    expect(r.text).toBe('Liên hệ [số điện thoại] hoặc [thư điện tử]; ông [họ tên] đã nộp hồ sơ.');
  });
  it('keeps dates, codes and amounts', () => {
    const t = 'Hồ sơ H30.002-260302-0001 nộp ngày 02/03/2026, lệ phí 50.000 đồng, theo Nghị định 20/2008/NĐ-CP.';
    expect(redact(t).text).toBe(t);
  });
});
