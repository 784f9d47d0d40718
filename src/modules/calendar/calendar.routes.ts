import { z } from 'zod';
import { dbId } from '../../platform/http/bounds.js';
import type { App } from '../../platform/http/types.js';
import { parseDeadlineQuery, parseLunarQuery, parseSolarDate, parseYear } from './calendar.query.js';
import type { CalendarService } from './calendar.service.js';
import {
  deadlineView, editDayBody, hoursListView, hoursView, lunarView, publicYearView, recordNoticeBody, setHoursBody, solarView,
  withdrawNoticeBody, yearNoteBody,
} from './schema.js';

// Query strings are documented here and parsed by calendar.query.ts, whose messages name each
// field in Vietnamese (the shared validator would only say "expected number").
const text = (description: string) => z.string().optional().describe(description);
const deadlineQuery = z.object({
  from: text('Thời điểm tiếp nhận, ISO 8601 (không có múi giờ: +07:00), ví dụ 2026-02-13T10:00:00+07:00'),
  amount: text('Thời hạn: số ngày làm việc, số ngày hoặc số giờ làm việc'),
  unit: text('working_days | calendar_days | working_hours'),
  cutoff: text('Giờ chốt tiếp nhận trong ngày HH:mm (nhận sau giờ này tính từ ngày làm việc tiếp theo)'),
  counting: text('from_receipt (mặc định) | next_day (Điều 147 Bộ luật Dân sự: không tính ngày tiếp nhận)'),
});
const yearParams = z.object({ year: z.string() });
const idParams = z.object({ id: dbId('Mã thông báo không hợp lệ') });
const PUBLIC_CACHE = 'public, max-age=60';

export async function calendarRoutes(app: App, calendar: CalendarService): Promise<void> {
  const tags = ['calendar'];

  app.get('/api/v1/calendar/years/:year', {
    schema: { tags, summary: 'Lịch làm việc một năm: các ngày nghỉ lễ, nghỉ bù, hoán đổi, làm bù / non-ordinary days of a year', params: yearParams, response: { 200: publicYearView } },
  }, async (req, reply) => {
    reply.header('cache-control', PUBLIC_CACHE);
    return calendar.publicYear(parseYear(req.params.year));
  });

  app.get('/api/v1/calendar/deadline', {
    schema: { tags, summary: 'Tính ngày hẹn trả kết quả kèm giải thích / due instant with explanation', querystring: deadlineQuery, response: { 200: deadlineView } },
  }, async (req, reply) => {
    reply.header('cache-control', PUBLIC_CACHE);
    return calendar.deadline(parseDeadlineQuery(req.query));
  });

  app.get('/api/v1/calendar/lunar', {
    schema: { tags, summary: 'Đổi ngày dương lịch sang âm lịch Việt Nam / solar to Vietnamese lunar', querystring: z.object({ date: text('YYYY-MM-DD') }), response: { 200: lunarView } },
  }, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return calendar.lunar(parseSolarDate(req.query));
  });

  app.get('/api/v1/calendar/solar', {
    schema: { tags, summary: 'Đổi ngày âm lịch sang dương lịch / Vietnamese lunar to solar', querystring: z.object({ lunar: text('D-M-YYYY'), leap: text('1 nếu là tháng nhuận') }), response: { 200: solarView } },
  }, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return calendar.solar(parseLunarQuery(req.query));
  });

  app.get('/api/v1/calendar/hours', {
    schema: { tags, summary: 'Giờ làm việc đang áp dụng và lịch sử / office hours in force and their history', response: { 200: hoursListView } },
  }, async (req, reply) => {
    reply.header('cache-control', PUBLIC_CACHE);
    return calendar.hours();
  });

  // Administration (calendar.manage): the service checks the permission.
  app.get('/api/v1/calendar/admin/years/:year', {
    schema: { tags, summary: 'Lịch năm cho quản trị: ngày, thay đổi so với mặc định, thông báo, điều chỉnh / admin year view', params: yearParams },
  }, async (req) => calendar.adminYear(req.ctx, parseYear(req.params.year)));

  app.post('/api/v1/calendar/years/:year/notices', {
    schema: { tags, summary: 'Ghi nhận thông báo nghỉ lễ của năm (dryRun: chỉ xem thay đổi) / record a notice', params: yearParams, body: recordNoticeBody },
  }, async (req, reply) => {
    const outcome = await calendar.recordNotice(req.ctx, parseYear(req.params.year), req.body);
    return reply.status(outcome.recorded ? 201 : 200).send(outcome);
  });

  app.post('/api/v1/calendar/notices/:id/withdraw', {
    schema: { tags, summary: 'Thu hồi thông báo đã ghi nhận / withdraw a notice', params: idParams, body: withdrawNoticeBody },
  }, async (req) => calendar.withdrawNotice(req.ctx, req.params.id, req.body));

  app.put('/api/v1/calendar/days/:date', {
    schema: { tags, summary: 'Điều chỉnh một ngày kèm lý do / edit a day with a reason', params: z.object({ date: z.string() }), body: editDayBody },
  }, async (req) => calendar.editDay(req.ctx, req.params.date, req.body));

  app.put('/api/v1/calendar/years/:year/note', {
    schema: { tags, summary: 'Ghi chú nguồn gốc lịch năm / year provenance note', params: yearParams, body: yearNoteBody },
  }, async (req) => calendar.setYearNote(req.ctx, parseYear(req.params.year), req.body));

  app.put('/api/v1/calendar/hours', {
    schema: { tags, summary: 'Đặt giờ làm việc (phiên bản mới, có ngày áp dụng) / set office hours', body: setHoursBody, response: { 200: hoursView } },
  }, async (req) => calendar.setHours(req.ctx, req.body));
}
