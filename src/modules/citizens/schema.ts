import { z } from 'zod';
import { dbVersion } from '../../platform/http/bounds.js';
import { PHONE_PATTERN } from '../dossiers/rules/applicant.js';

/**
 * The contact details a citizen may correct on their profile. Name, ID number and date of birth come
 * from the e-ID and are never typed in (they are "never asked for twice" and cannot be made up).
 */
export const contactBody = z.strictObject({
  version: dbVersion(1),
  phone: z.string().trim().regex(PHONE_PATTERN, 'Số điện thoại không hợp lệ').nullish().transform((v) => v || null),
  email: z.email({ message: 'Thư điện tử không hợp lệ' }).nullish().transform((v) => v || null),
  address: z.string().trim().max(500, 'Địa chỉ dài quá 500 ký tự').nullish().transform((v) => v || null),
});
export type ContactInput = z.output<typeof contactBody>;
