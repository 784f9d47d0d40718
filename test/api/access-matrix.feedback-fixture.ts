import { systemContext } from '../../src/platform/http/context.js';
import { TEST_CITIZEN, type TestApp } from '../support/test-app.js';
import type { CitizenRelation, UnitRelation } from './access-matrix.rules.js';

/**
 * Feedback items for the access matrix: one held by each unit relation (with an attachment), fresh
 * ones on demand, a published one, and items of the matrix citizen and of another citizen. Made
 * through the feedback service as the portal would (no staff actor), attachments linked directly.
 */
export type FeedbackFixture = {
  at: Record<UnitRelation, { code: string; secret: string; key: string }>;
  fresh(r: UnitRelation): Promise<string>;
  published: string;
  citizen: Record<CitizenRelation, string>;
  freshOfCitizen(r: CitizenRelation): Promise<string>;
};

export async function feedbackFixture(t: TestApp, unit: Record<UnitRelation, { id: number }>): Promise<FeedbackFixture> {
  const ctx = systemContext('matrix');
  const fb = t.services.feedback;
  const submit = (r: UnitRelation) => fb.submit(ctx, {
    categoryCode: 'hoi-dap', about: { kind: 'other', unitId: unit[r].id, procedureCode: null, dossierCode: null, staffPublicId: null },
    title: `Ma trận ${r}`, content: 'Câu hỏi thử', consentToPublish: true,
    submitter: { kind: 'person', name: 'Giàng Thị Mỷ', phone: '0912345678', email: null, address: null, organisation: null },
  });
  const at = {} as FeedbackFixture['at'];
  for (const r of ['own', 'child', 'sibling', 'other'] as const) {
    const receipt = await submit(r);
    const key = await t.services.files.put(Buffer.from(`%PDF-1.4\n% matrix feedback ${r}\n`));
    const item = await t.db.selectFrom('feedback_items').select('id').where('code', '=', receipt.code).executeTakeFirstOrThrow();
    await t.db.insertInto('feedback_attachments').values({ feedback_id: item.id, file_key: key, name: 'don.pdf', type: 'application/pdf', size: 30, added_at: new Date() }).execute();
    at[r] = { code: receipt.code, secret: receipt.secret, key };
  }
  const published = await t.db.selectFrom('feedback_items').select('code').where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
  const citizenId = async (r: CitizenRelation) => {
    const subject = r === 'citizenOwn' ? 'matrix-citizen' : 'matrix-feedback-other';
    if (r === 'citizenOther') await t.services.citizens.signIn(ctx, { ...TEST_CITIZEN, subject, fullName: 'Tao Văn Phản', idNumber: '012201000888' }, 'matrix');
    return (await t.db.selectFrom('citizens').select('id').where('subject', '=', subject).executeTakeFirstOrThrow()).id;
  };
  const freshOfCitizen = async (r: CitizenRelation) => (await fb.submitByCitizen(ctx, await citizenId(r), {
    categoryCode: 'thu-tuc', about: { kind: 'other', unitId: null, procedureCode: null, dossierCode: null, staffPublicId: null },
    title: 'Của tôi', content: 'Nội dung', consentToPublish: false, attachments: [],
  })).code;
  return { at, fresh: async (r) => (await submit(r)).code, published: published.code, citizen: { citizenOwn: await freshOfCitizen('citizenOwn'), citizenOther: await freshOfCitizen('citizenOther') }, freshOfCitizen };
}
