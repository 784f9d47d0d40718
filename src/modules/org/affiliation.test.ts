import { describe, expect, it } from 'vitest';
import { staffAffiliation, type AffiliationUnit } from './affiliation.js';

const unit = (id: number, parentId: number | null, kind: string, name: string): AffiliationUnit => ({ id, parentId, kind, name });
// Another province's names on purpose: nothing about the demo province may be assumed.
const UNITS: AffiliationUnit[] = [
  unit(1, null, 'province', 'Tỉnh Điện Biên'),
  unit(2, 1, 'people_committee', 'Ủy ban nhân dân tỉnh Điện Biên'),
  unit(3, 2, 'service_centre', 'Trung tâm Phục vụ hành chính công tỉnh'),
  unit(4, 2, 'department', 'Sở Tư pháp'),
  unit(5, 4, 'section', 'Phòng Hành chính tư pháp'),
  unit(10, 1, 'commune', 'Phường Mường Thanh'),
  unit(11, 10, 'people_committee', 'Ủy ban nhân dân phường Mường Thanh'),
  unit(12, 10, 'section', 'Phòng Văn hóa - Xã hội'),
  unit(20, 1, 'commune', 'Xã Nà Tấu'),
  unit(21, 20, 'people_committee', 'Ủy ban nhân dân xã Nà Tấu'),
  unit(22, 20, 'section', 'Phòng Văn hóa - Xã hội'),
];

describe('staffAffiliation', () => {
  it('tells two sections of the same name apart by their commune and names the province at the root', () => {
    expect(staffAffiliation(UNITS, 12)).toEqual({ unitName: 'Phòng Văn hóa - Xã hội', agencyName: 'UBND phường Mường Thanh', provinceName: 'Tỉnh Điện Biên' });
    expect(staffAffiliation(UNITS, 22)).toEqual({ unitName: 'Phòng Văn hóa - Xã hội', agencyName: 'UBND xã Nà Tấu', provinceName: 'Tỉnh Điện Biên' });
  });

  it('takes the department for its sections, the People’s Committee for its centre, nothing twice', () => {
    expect(staffAffiliation(UNITS, 5)).toMatchObject({ agencyName: 'Sở Tư pháp' });
    expect(staffAffiliation(UNITS, 3)).toMatchObject({ agencyName: 'UBND tỉnh Điện Biên' });
    // A unit that is itself the agency prints no second line; the province acts through its committee.
    expect(staffAffiliation(UNITS, 4)).toEqual({ unitName: 'Sở Tư pháp', agencyName: null, provinceName: 'Tỉnh Điện Biên' });
    expect(staffAffiliation(UNITS, 11)).toMatchObject({ agencyName: null });
    expect(staffAffiliation(UNITS, 1)).toEqual({ unitName: 'Tỉnh Điện Biên', agencyName: 'UBND tỉnh Điện Biên', provinceName: null });
    expect(staffAffiliation(UNITS, 999)).toEqual({ unitName: '', agencyName: null, provinceName: null });
  });
});
