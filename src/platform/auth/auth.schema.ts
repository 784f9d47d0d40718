import { z } from 'zod';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, 'Vui lòng nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu').max(200),
});

/** Shared with the web app's change-password form (ASVS 2.1.1: at least 12 characters). */
export const PASSWORD_MIN_LENGTH = 12;

export const passwordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const userSchema = z.object({
  id: z.number(),
  staffId: z.number(),
  username: z.string(),
  fullName: z.string(),
  unit: z.object({ id: z.number(), name: z.string().optional() }),
  roles: z.array(z.object({ role: z.string(), unitId: z.number(), unitName: z.string() })),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
});
export type UserView = z.infer<typeof userSchema>;
