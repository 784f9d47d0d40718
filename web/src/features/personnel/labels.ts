/**
 * The personnel module's own zod-free label modules, shared with the server so the pages and the printed
 * form name things alike. Only these files may be imported from the server at run time: schema.ts
 * brings zod, which the web reaches only through types.
 */
export { RECORD_FIELD_LABELS, SEXES } from '../../../../src/modules/personnel/record-fields';
export type { AwardRow, CareerRow, DisciplineRow, FamilyRow, PersonRecord, RecordField, SalaryRow, Sex, TrainingRow } from '../../../../src/modules/personnel/record-fields';
export { PLACEMENT_DEADLINE, POSITION_CATEGORIES, POSITION_CATEGORY_LABELS } from '../../../../src/modules/personnel/rules/positions';
export type { PlacementState, PositionCategory } from '../../../../src/modules/personnel/rules/positions';
export { RATINGS, RATING_LABELS } from '../../../../src/modules/personnel/rules/evaluation';
export type { Rating } from '../../../../src/modules/personnel/rules/evaluation';
