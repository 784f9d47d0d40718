import { z } from 'zod';

/**
 * Bounds of the database's number types, applied at the edge so that a number PostgreSQL cannot hold
 * is a 400 naming the field, not a "value out of range" (SQLSTATE 22003) inside a query: ids, versions
 * and page numbers are `integer` columns (int4); event and outbox ids and cursors are `bigint` (int8).
 */
export const MAX_INT4 = 2_147_483_647;
export const MAX_INT8 = 9_223_372_036_854_775_807n;

const digitsToNumber = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);

/** A record id (an int4 serial): 1 … 2,147,483,647. Accepts digits in a string (from a URL). */
export const dbId = (message = 'Mã bản ghi không hợp lệ') =>
  z.preprocess(digitsToNumber, z.number().int(message).min(1, message).max(MAX_INT4, message));

/** A record's version or revision (int4, from 0 or 1). */
export const dbVersion = (min: 0 | 1 = 0, message?: string) =>
  z.preprocess(digitsToNumber, z.number().int(message).min(min, message).max(MAX_INT4, message));

/** A positive count or ordinal stored as int4 (a version number, a page, a step). */
export const dbPositiveInt = (message?: string) =>
  z.preprocess(digitsToNumber, z.number().int(message).min(1, message).max(MAX_INT4, message));

/** A bigint id or keyset cursor as decimal digits (kept a string: past 2^53 a number loses digits). */
export const dbBigId = (message = 'Mã bản ghi không hợp lệ') =>
  z.string().regex(/^\d{1,19}$/, message).refine((v) => !/^\d{1,19}$/.test(v) || (BigInt(v) <= MAX_INT8 && BigInt(v) >= 1n), { message, params: { en: 'Invalid record id' } });

/** A keyset cursor over a bigint id: the id of the last row seen. */
export const dbCursor = () => dbBigId('Con trỏ phân trang không hợp lệ').optional();

/**
 * A calendar date YYYY-MM-DD that PostgreSQL's `date` can hold and a person could mean: years 1000 to
 * 9999 (year 0000 is accepted by the ISO pattern but is no year in PostgreSQL: SQLSTATE 22008).
 */
export const dbDate = (message = 'Ngày phải có dạng YYYY-MM-DD') =>
  z.iso.date({ message }).refine((v) => !/^\d{4}/.test(v) || Number(v.slice(0, 4)) >= 1000, { message: 'Năm phải từ 1000 đến 9999', params: { en: 'The year must be between 1000 and 9999' } });
