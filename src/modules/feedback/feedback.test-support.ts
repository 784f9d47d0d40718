import type { Session, TestApp } from '../../../test/support/test-app.js';
import { DEMO_PASSWORD } from '../../platform/auth/passwords.js';
import { systemContext } from '../../platform/http/context.js';

/** Shared steps of the feedback API tests (not shipped: imported by *.api.test.ts only). */
export function feedbackSteps(t: TestApp) {
  const version = async (code: string) => (await t.db.selectFrom('feedback_items').select('version').where('code', '=', code).executeTakeFirstOrThrow()).version;
  return {
    version,
    async act(session: Session, code: string, body: Record<string, unknown>) {
      return t.request('POST', `/api/v1/feedback/${code}/actions`, { session, body: { version: await version(code), ...body } });
    },
    async submitAsDesk(session: Session, body: Record<string, unknown> = {}) {
      const res = await t.request('POST', '/api/v1/feedback', {
        session,
        body: {
          channel: 'desk', categoryCode: 'hoi-dap', about: { kind: 'procedure' }, title: 'Hỏi về lệ phí', content: 'Lệ phí chứng thực là bao nhiêu?',
          submitter: { name: 'Nguyễn Văn Khách', phone: '0912000222' }, consentToPublish: true, ...body,
        },
      });
      if (res.statusCode !== 201) throw new Error(`desk submit: ${res.statusCode} ${res.body}`);
      return res.json() as { code: string; secret: string; dueAt: string };
    },
    /** A unit head of Sở Nội vụ (the demo's conduct-oversight unit), created once per test database. */
    async homeAffairsHead(): Promise<Session> {
      const exists = await t.db.selectFrom('auth_accounts').select('id').where('username', '=', 'lanhdao.snv').executeTakeFirst();
      if (!exists) {
        await t.services.org.createStaff(systemContext('test'), {
          fullName: 'Lê Thị Nội Vụ', position: 'Phó Giám đốc Sở Nội vụ', unitId: await t.unitId('H30.101'), jobPositionId: null, badgeNumber: 'LC-9101',
          phone: null, email: null, active: true, secondedFrom: null, secondedTo: null, username: 'lanhdao.snv', password: DEMO_PASSWORD,
          roles: [{ role: 'unit_head', unitId: await t.unitId('H30.101') }],
        }, { demoPassword: true });
      }
      return t.login('lanhdao.snv');
    },
  };
}
