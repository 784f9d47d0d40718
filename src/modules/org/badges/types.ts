/** One person on a badge or nameplate sheet. */
export interface BadgeStaff {
  fullName: string;
  /** Chức vụ / chức danh; an empty string leaves the line out. */
  position: string;
  unitName: string;
  /**
   * The agency the unit belongs to, e.g. "UBND phường Tân Phong" under "Phòng Văn hóa - Xã hội":
   * section names repeat in every commune. Left out when absent or the same as the unit.
   */
  agencyName?: string | null;
  /** The province (the root unit), printed in the header band; `organizationName` when absent. */
  provinceName?: string | null;
  /** Số thẻ; an empty string prints a blank to fill in by hand. */
  badgeNumber: string;
  /** Portrait photo as PNG/JPEG bytes or a `data:image/…;base64,` URL; initials are printed without one. */
  photo?: Buffer | string | null;
  /** Address the QR code opens: the public page about this official and where to send feedback. */
  qrUrl: string;
}

export interface BadgeSheetOptions {
  /** Printed above the card title (in capitals) for people without a `provinceName`. */
  organizationName?: string;
  /** Decree 118 art. 11 names thẻ công chức, viên chức, nhân viên; the sheet prints one title for all. */
  cardTitle?: string;
  /** Line under the QR code telling the public what it is for. */
  qrCaption?: string;
  /** Colour of the header band, e.g. '#9b1c1c'. */
  accentColor?: string;
}

export interface NameplateSheetOptions {
  /**
   * `tent`: one person per A4 page, folded along the middle into a standing tent; the upper half is
   * printed upside down so both sides read upright. `flat`: two people per page, cut along the middle,
   * for plate holders.
   */
  layout?: 'tent' | 'flat';
  /** Colour of the unit line and rules. */
  accentColor?: string;
}
