import { parseArgs } from 'node:util';
import { registerCommand, withDatabase } from '../../cli.js';
import { AppError } from '../../platform/http/app-error.js';
import { parseDeadlineQuery } from './calendar.query.js';

const USAGE = 'npx motcua deadline --from 2026-02-13T10:00:00+07:00 --amount 3 --unit working_days [--cutoff 15:00] [--counting next_day] [--json]';

/**
 * `npx motcua deadline`: the same computation as GET /api/v1/calendar/deadline, on the province
 * calendar stored in the database, printed in Vietnamese line by line for an officer to read out.
 */
registerCommand('deadline', async (args) => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        from: { type: 'string' }, amount: { type: 'string' }, unit: { type: 'string' },
        cutoff: { type: 'string' }, counting: { type: 'string' }, json: { type: 'boolean' },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\nCách dùng / usage: ${USAGE}`);
    return 2;
  }
  let query;
  try {
    query = parseDeadlineQuery(values, '');
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    for (const f of err.fields ?? []) console.error(`--${f.path}: ${f.message}`);
    console.error(`Cách dùng / usage: ${USAGE}`);
    return 2;
  }
  return withDatabase(async (services) => {
    try {
      const result = await services.calendar.service.deadline(query);
      if (values.json) {
        console.log(JSON.stringify(result, null, 2));
        return 0;
      }
      console.log(`Hạn trả kết quả / due: ${result.due}`);
      console.log('Giải thích / explanation:');
      result.explanation.forEach((e, i) => console.log(`${String(i + 1).padStart(3)}. ${e.note}`));
      return 0;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      console.error(err.messageVi);
      return 2;
    }
  });
}, 'tính ngày hẹn trả kết quả / compute a due date with its explanation');
