export { createReminders, REMINDER_TEMPLATES } from './reminders.js';
export type { ReminderDeps, ReminderOptions, Reminders } from './reminders.js';
export { STAFF_TEMPLATES } from './staff-templates.js';
