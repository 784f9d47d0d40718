import { expect } from 'vitest';
import { demoAccounts } from '../../src/modules/dossiers/import/generator/demo-data.js';
import type { TestApp } from './test-app.js';

type QueueItem = { code: string; statusCode: number; timeliness: string | null; receivingUnitId: number; currentStep: number | null };

/** Every item of a queue as the account sees it (all pages). */
export async function queueOf(t: TestApp, session: Awaited<ReturnType<TestApp['login']>>, queue: string): Promise<QueueItem[]> {
  const items: QueueItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const res = await t.request('GET', `/api/v1/dossiers?queue=${queue}&limit=200${cursor ? `&cursor=${cursor}` : ''}`, { session });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: QueueItem[]; nextCursor: string | null };
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/**
 * Signs in as every demo account (demo/org/accounts.json) and checks it has "a reason to sign in":
 * open work within its deadline in its own queues — a desk officer something in hand, a specialist
 * work assigned to them and work to take, a head a dossier awaiting their approval — and the
 * province-wide accounts (administrator, auditor) open work across several agencies.
 */
export async function expectWorkForEveryDemoAccount(t: TestApp, when: string): Promise<void> {
  for (const account of demoAccounts()) {
    const roles = new Set(account.roles.map(([role]) => role));
    const session = await t.login(account.username);
    const who = `${account.username} on ${when}`;
    // HR officers (personnel, issue 17) and accounts marked `worksDossiers: false` (the inspectorate) work no dossiers.
    if (!account.worksDossiers) continue;
    if (!['admin', 'auditor', 'desk_officer', 'specialist', 'unit_head'].some((r) => roles.has(r))) continue;
    if (roles.has('admin') || roles.has('auditor')) {
      const open = await queueOf(t, session, 'all_open');
      expect(new Set(open.map((d) => d.receivingUnitId)).size, `${who}: open dossiers of several agencies`).toBeGreaterThan(1);
      continue;
    }
    const mine = await queueOf(t, session, 'mine');
    const unassigned = await queueOf(t, session, 'unassigned');
    expect([...mine, ...unassigned].filter((d) => d.timeliness === 'within').length, `${who}: open work within its deadline`).toBeGreaterThan(0);
    if (roles.has('desk_officer')) expect(mine.length, `${who}: dossiers in hand at the desk`).toBeGreaterThan(0);
    if (roles.has('specialist')) {
      expect(mine.length, `${who}: work assigned to them`).toBeGreaterThan(0);
      expect(unassigned.length, `${who}: work of their unit to take`).toBeGreaterThan(0);
    }
    if (roles.has('unit_head')) {
      let awaitingApproval = 0;
      for (const d of mine.slice(0, 30)) {
        const full = (await t.request('GET', `/api/v1/dossiers/${d.code}`, { session })).json() as { route: { order: number; role: string }[] };
        if (full.route.find((s) => s.order === d.currentStep)?.role === 'unit_head') awaitingApproval++;
      }
      expect(awaitingApproval, `${who}: dossiers awaiting their approval`).toBeGreaterThan(0);
    }
  }
}
