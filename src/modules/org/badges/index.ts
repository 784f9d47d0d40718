export { BADGES_PER_PAGE, renderBadgeSheet } from './badge-sheet.js';
export { renderNameplateSheet } from './nameplate-sheet.js';
export { initials, photoDataUrl } from './photo.js';
export type { BadgeSheetOptions, BadgeStaff, NameplateSheetOptions } from './types.js';
