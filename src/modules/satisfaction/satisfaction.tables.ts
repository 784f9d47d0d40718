import type { Generated } from 'kysely';

export type RatingLevelColumn = 'very_satisfied' | 'satisfied' | 'not_satisfied';
export type RatingChannel = 'online' | 'kiosk' | 'paper';

/** One rating per dossier whatever the channel (migrations 0015, 0019). */
export interface DossierRatingsTable {
  id: Generated<string>;
  dossier_code: string;
  channel: RatingChannel;
  /** The signed-in citizen of an online rating; null at the kiosk and on paper. */
  citizen_id: number | null;
  /** The receiving unit and the procedure, copied at rating time so statistics need no join. */
  unit_id: number;
  procedure_code: string;
  procedure_name: string | null;
  /** The official rated: who returned the result at the desk, else who received the dossier. */
  official_staff_id: number | null;
  official_name: string | null;
  /** A paper slip: the staff member who typed it in. */
  recorded_by_staff_id: number | null;
  level: RatingLevelColumn;
  comment: string | null;
  rated_at: Date;
}

export interface RatingCodesTable {
  id: Generated<string>;
  dossier_code: string;
  code_index: string;
  code_sealed: string;
  issued_at: Date;
  issued_by_staff_id: number | null;
  used_at: Date | null;
  revoked_at: Date | null;
  attempts: Generated<number>;
  last_attempt_at: Date | null;
}

export interface SatisfactionTables {
  dossier_ratings: DossierRatingsTable;
  rating_codes: RatingCodesTable;
}
