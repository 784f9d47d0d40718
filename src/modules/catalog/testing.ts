/**
 * Test-data factories for the catalogue (used by rule tests here and by API tests elsewhere).
 * `procedureInput` returns raw input (as a client or an import file would send it); `procedure`
 * returns it parsed, with defaults applied.
 */
import { procedureSchema, type InternalStep, type Procedure } from './schema.js';

type Input = Record<string, unknown>;

export function step(order: number, hours: number, overrides: Partial<InternalStep> = {}): Input {
  return {
    order,
    name: `Bước ${order}`,
    action: `Xử lý bước ${order}`,
    responsible: { function: 'judicial_admin', role: 'specialist' },
    budget: { amount: hours, unit: 'working_hours' },
    ...overrides,
  };
}

/** A commune procedure: 3 working days at the desk and online, a 24-hour internal process. */
export function procedureInput(overrides: Input = {}): Input {
  return {
    code: '1.004873',
    name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    field: { code: 'HOTICH', name: 'Hộ tịch' },
    levels: ['commune'],
    implementingAgency: { name: 'Ủy ban nhân dân cấp xã' },
    applicants: ['citizen'],
    channels: [
      { kind: 'desk', time: { amount: 3, unit: 'working_days' } },
      { kind: 'online', time: { amount: 3, unit: 'working_days' } },
    ],
    onlineMode: 'full',
    steps: [
      {
        order: 1,
        title: 'Nộp hồ sơ',
        where: 'Trung tâm Phục vụ hành chính công cấp xã',
        who: 'Người yêu cầu',
        what: 'Nộp tờ khai',
      },
    ],
    documents: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1 }],
    results: [{ name: 'Giấy xác nhận tình trạng hôn nhân' }],
    legalBasis: [
      { number: '60/2014/QH13', title: 'Luật Hộ tịch', date: '2014-11-20', issuer: 'Quốc hội' },
    ],
    internalProcesses: [
      {
        steps: [
          step(1, 2, { responsible: { function: 'one_stop', role: 'desk_officer' } }),
          step(2, 16),
          step(3, 4, { responsible: { function: 'leadership', role: 'unit_head' } }),
          step(4, 2, { responsible: { function: 'one_stop', role: 'desk_officer' } }),
        ],
      },
    ],
    version: { number: 1, status: 'draft' },
    ...overrides,
  };
}

export function procedure(overrides: Input = {}): Procedure {
  return procedureSchema.parse(procedureInput(overrides));
}
