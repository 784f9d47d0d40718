import { z } from 'zod';
import { agencyCode, unitPeriodQuery, type PeriodView } from './schema.js';
import type { Rate, TrendPoint } from './rules/dashboard.js';

/** Query and answer shapes of the dashboards (issue 13 item 4), shared with the web app. */
export const dashboardQuery = unitPeriodQuery;
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** The public page: a statutory year (the current one by default) and any unit of the province. */
export const publicStatisticsQuery = z.strictObject({
  year: z.coerce.number({ error: 'Năm phải là số' }).int('Năm phải là số nguyên').min(2000, 'Năm từ 2000 đến 2100').max(2100, 'Năm từ 2000 đến 2100').optional(),
  unit: agencyCode.optional(),
});
export type PublicStatisticsQuery = z.infer<typeof publicStatisticsQuery>;

export type DashboardUnitRow = {
  code: string; name: string;
  received: number; completed: number; late: number; inProgress: number; overdue: number;
  onTime: Rate; online: Rate; satisfactionRate: number | null;
  /** 1 = best on-time rate; null for a unit with nothing to count. */
  rank: number | null;
  /** The unit has units below it: its own dashboard ranks them. */
  hasChildren: boolean;
};

export type Dashboard = {
  period: PeriodView;
  unit: { code: string | null; name: string; parentCode: string | null };
  asOf: string;
  totals: {
    received: number; carriedOver: number; receivedInPeriod: number; online: number;
    completed: number; early: number; onTime: number; late: number;
    inProgress: number; overdue: number; awaitingSupplement: number;
  };
  rates: {
    onTime: Rate; online: Rate; fullyOnline: Rate; paidOnline: Rate; digitised: Rate; resultDigitised: Rate;
    /** Ratings given in the period: % satisfied or very satisfied (as form II.06a counts it). */
    satisfaction: { value: number | null };
  };
  units: DashboardUnitRow[];
  trend: TrendPoint[];
};
