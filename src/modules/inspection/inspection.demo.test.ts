import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { TEST_NOW } from '../../../test/support/test-db.js';

// The demo's complaints, denunciations and discipline cases are dated back from the day the demo is
// made: on an ordinary day and in the middle of Tết 2027 (6–10/2), each is in the state it is meant to show.
const apps: TestApp[] = [];
afterAll(async () => { for (const t of apps) await t.close(); });

type Clock = { name: string; state: string };
type CaseRow = { id: number; kind: string; status: string; published: boolean; subjectStaff: { fullName: string } | null; nextClock: Clock | null };

describe.each([['an ordinary day', TEST_NOW], ['Tết 2027', new Date('2027-02-08T02:00:00Z')]])('the inspection demo made on %s', (_name, now) => {
  it('shows a petition just received, a complaint overdue, one refused, a founded denunciation published, and this year\'s plan with its inspections', async () => {
    const t = await createTestApp({ now });
    apps.push(t);
    const inspector = await t.login('thanhtra.ttt');
    const mine = (await t.request('GET', '/api/v1/inspection/cases', { session: inspector })).json().cases as CaseRow[];
    expect(mine.map((c) => [c.kind, c.status]).sort()).toEqual([['complaint_first', 'verifying'], ['denunciation', 'received'], ['not_eligible', 'refused']]);
    expect(mine.find((c) => c.kind === 'complaint_first')!.nextClock).toMatchObject({ name: 'resolution', state: 'overdue' });
    expect(mine.find((c) => c.kind === 'denunciation')!.nextClock?.state).toBe('running');

    const justice = await t.login('lanhdao.stp');
    const founded = ((await t.request('GET', '/api/v1/inspection/cases', { session: justice })).json().cases as CaseRow[]).find((c) => c.kind === 'denunciation')!;
    expect(founded).toMatchObject({ status: 'concluded', published: true });
    expect(founded.subjectStaff?.fullName).toBeTruthy();
    const detail = (await t.request('GET', `/api/v1/inspection/cases/${founded.id}`, { session: justice })).json();
    expect(detail.disciplineCaseIds).toHaveLength(1);

    // Its discipline case waits for the head after the ballot.
    const hr = await t.login('nhansu.stp');
    const open = (await t.request('GET', `/api/v1/inspection/discipline/${detail.disciplineCaseIds[0]}`, { session: hr })).json();
    expect(open).toMatchObject({ status: 'open', sourceCaseId: founded.id, recommendedForm: 'khien_trach', deliberations: { ballot: { yes: 3 } } });
    expect(open.subject.fullName).toBe(founded.subjectStaff!.fullName);

    // The reprimand at the Department of Construction is in force.
    const head = await t.login('lanhdao.sxd');
    const decided = ((await t.request('GET', '/api/v1/inspection/discipline?status=decided', { session: head })).json().cases as { decision: { form: string; inForce: boolean } }[]);
    expect(decided.map((c) => c.decision)).toEqual([expect.objectContaining({ form: 'khien_trach', inForce: true })]);

    // This year's plan, approved; a concluded inspection whose recommendations are closed on time, overdue and running; one under way.
    const chief = await t.login('lanhdao.ttt');
    const plans = (await t.request('GET', '/api/v1/inspection/plans', { session: chief })).json().plans as { status: string; year: number; itemCount: number }[];
    expect(plans).toEqual([expect.objectContaining({ status: 'approved', year: Number(new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 4)), itemCount: 3 })]);
    const list = (await t.request('GET', '/api/v1/inspection/inspections', { session: chief })).json().inspections as { id: number; status: string }[];
    expect(list.map((i) => i.status).sort()).toEqual(['concluded', 'in_progress']);
    const done = (await t.request('GET', `/api/v1/inspection/inspections/${list.find((i) => i.status === 'concluded')!.id}`, { session: chief })).json();
    expect(done.recommendations.map((r: { clock: { state: string } }) => r.clock.state)).toEqual(['closed_on_time', 'overdue', 'on_track']);
    expect(done.findings).toHaveLength(2);
    // The ward sees the concluded inspection and what it must do.
    const ward = await t.login('lanhdao.tanphong');
    const theirs = (await t.request('GET', '/api/v1/inspection/inspections?scope=inspected', { session: ward })).json().inspections as { id: number }[];
    expect(theirs.map((i) => i.id)).toEqual([done.id]);
  }, 180_000);
});

describe('the inspection demo made before Decree 172/2025 took effect (3/3/2025)', () => {
  it('has its cases, plan and inspections, and no discipline case', async () => {
    const t = await createTestApp({ now: new Date('2025-03-03T02:00:00Z') });
    apps.push(t);
    const inspector = await t.login('thanhtra.ttt');
    expect(((await t.request('GET', '/api/v1/inspection/cases', { session: inspector })).json().cases as unknown[]).length).toBe(3);
    expect((await t.request('GET', '/api/v1/inspection/inspections', { session: inspector })).json().inspections).toHaveLength(2);
    const admin = await t.login('admin');
    expect((await t.request('GET', '/api/v1/inspection/discipline', { session: admin })).json().cases).toEqual([]);
  }, 180_000);
});
