import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from './document-types.js';
import { formatNumber, formatSymbol, seriesKey, symbolTail, unitAbbreviation } from './numbering.js';

// Every one of the 29 types of Decree 30 art. 7 (Appendix III's abbreviations), for the Department of
// Home Affairs (SNV) drafting in its section CCHC, number 5 and number 123 of 2026. What each type
// prints is written out here by hand, not derived from the table the code reads.
const EXPECTED: Record<string, { five: string; series: string }> = {
  NQ: { five: '05/NQ-SNV', series: 'NQ' }, QĐ: { five: '05/QĐ-SNV', series: 'QĐ' }, CT: { five: '05/CT-SNV', series: 'CT' },
  QC: { five: '05/QC-SNV', series: 'QC' }, QyĐ: { five: '05/QyĐ-SNV', series: 'QyĐ' }, TC: { five: '05/TC-SNV', series: 'TC' },
  TB: { five: '05/TB-SNV', series: 'TB' }, HD: { five: '05/HD-SNV', series: 'HD' }, CTr: { five: '05/CTr-SNV', series: 'CTr' },
  KH: { five: '05/KH-SNV', series: 'KH' }, PA: { five: '05/PA-SNV', series: 'PA' }, ĐA: { five: '05/ĐA-SNV', series: 'ĐA' },
  DA: { five: '05/DA-SNV', series: 'DA' }, BC: { five: '05/BC-SNV', series: 'BC' }, BB: { five: '05/BB-SNV', series: 'BB' },
  TTr: { five: '05/TTr-SNV', series: 'TTr' }, HĐ: { five: '05/HĐ-SNV', series: 'HĐ' }, CV: { five: '05/SNV-CCHC', series: 'CV' },
  CĐ: { five: '05/CĐ-SNV', series: 'CĐ' }, BGN: { five: '05/BGN-SNV', series: 'BGN' }, BTT: { five: '05/BTT-SNV', series: 'BTT' },
  GUQ: { five: '05/GUQ-SNV', series: 'GUQ' }, GM: { five: '05/GM-SNV', series: 'GM' }, GGT: { five: '05/GGT-SNV', series: 'GGT' },
  GNP: { five: '05/GNP-SNV', series: 'GNP' }, PG: { five: '05/PG-SNV', series: 'PG' }, PC: { five: '05/PC-SNV', series: 'PC' },
  PB: { five: '05/PB-SNV', series: 'PB' }, THC: { five: '05/SNV', series: 'THC' },
};
const LEGAL = new Set(['NQ', 'QĐ']);

describe('number and symbol of every type (Decree 30 art. 15, Appendix I §II.3)', () => {
  it('covers the 29 types exactly', () => {
    expect(DOCUMENT_TYPES).toHaveLength(29);
    expect(Object.keys(EXPECTED).sort()).toEqual(DOCUMENT_TYPES.map((t) => t.code).sort());
  });

  describe.each(DOCUMENT_TYPES.map((t) => [t.code, t.legal] as const))('%s', (code, mayBeLegal) => {
    const base = { type: code, legal: false, year: 2026, agencySymbol: 'SNV', draftingUnitSymbol: 'CCHC' };

    it('prints the administrative symbol with a leading zero below 10, none from 10, no spaces', () => {
      const five = formatSymbol({ ...base, number: 5 });
      expect(five).toBe(EXPECTED[code]!.five);
      expect(formatSymbol({ ...base, number: 123 })).toBe(EXPECTED[code]!.five.replace(/^05/, '123'));
      expect(five).not.toMatch(/\s/);
    });

    it('numbers administrative documents per type or in one series, as the agency decided, and confidential ones apart', () => {
      const doc = { docType: code, legal: false, confidentiality: 'normal' as const };
      expect(seriesKey(doc, 'per_type')).toBe(`out:${EXPECTED[code]!.series}`);
      expect(seriesKey(doc, 'single')).toBe('out:all');
      for (const confidentiality of ['mat', 'toi_mat', 'tuyet_mat'] as const) {
        expect(seriesKey({ ...doc, confidentiality }, 'per_type')).toBe(`out:mat:${EXPECTED[code]!.series}`);
        expect(seriesKey({ ...doc, confidentiality }, 'single')).toBe('out:mat:all');
      }
    });

    it(mayBeLegal ? 'as a legal normative document: the year in the symbol, its own series whatever the setting' : 'is never a legal normative document', () => {
      const legal = { ...base, legal: true, number: 88, year: 2025, agencySymbol: 'UBND' };
      const doc = { docType: code, legal: true, confidentiality: 'normal' as const };
      if (!mayBeLegal) {
        expect(() => formatSymbol(legal)).toThrow(RangeError);
        expect(() => seriesKey(doc, 'per_type')).toThrow(RangeError);
        return;
      }
      expect(formatSymbol(legal)).toBe(`88/2025/${code}-UBND`);
      expect(formatSymbol({ ...legal, number: 3 })).toBe(`03/2025/${code}-UBND`);
      expect(seriesKey(doc, 'per_type')).toBe(`out:legal:${code}`);
      expect(seriesKey(doc, 'single')).toBe(`out:legal:${code}`);
      expect(seriesKey({ ...doc, confidentiality: 'mat' }, 'single')).toBe(`out:mat:legal:${code}`);
    });
  });

  it('keeps the legal and the individual documents of one type apart', () => {
    expect(LEGAL).toEqual(new Set(DOCUMENT_TYPES.filter((t) => t.legal).map((t) => t.code)));
    const individual = seriesKey({ docType: 'QĐ', legal: false, confidentiality: 'normal' }, 'per_type');
    const legal = seriesKey({ docType: 'QĐ', legal: true, confidentiality: 'normal' }, 'per_type');
    expect(individual).not.toBe(legal);
    expect(formatSymbol({ type: 'QĐ', legal: false, number: 15, year: 2026, agencySymbol: 'UBND' })).toBe('15/QĐ-UBND');
  });
});

describe('công văn', () => {
  it('names the agency, then the drafting unit; the agency alone when the unit has no abbreviation', () => {
    const cv = { type: 'CV', legal: false, year: 2026, agencySymbol: 'SNV', number: 12 };
    expect(formatSymbol({ ...cv, draftingUnitSymbol: 'CCHC' })).toBe('12/SNV-CCHC');
    expect(formatSymbol({ ...cv, draftingUnitSymbol: null })).toBe('12/SNV');
    expect(formatSymbol(cv)).toBe('12/SNV');
    expect(formatSymbol({ ...cv, agencySymbol: 'UBND', draftingUnitSymbol: 'VX', number: 7 })).toBe('07/UBND-VX');
    expect(symbolTail({ ...cv, draftingUnitSymbol: 'CCHC' })).toBe('SNV-CCHC');
  });

  it('reads the abbreviation from a short name only when it looks like one', () => {
    expect(unitAbbreviation('CCHC')).toBe('CCHC');
    expect(unitAbbreviation(' cchc ')).toBe('CCHC');
    expect(unitAbbreviation('TCBC')).toBe('TCBC');
    expect(unitAbbreviation('Tổ chức')).toBeNull();
    expect(unitAbbreviation('hđnd')).toBe('HĐND');
    expect(unitAbbreviation('VĂNPHÒNG')).toBe('VANPHONG');
    expect(unitAbbreviation('P.VH')).toBeNull();
    expect(unitAbbreviation('UBND tỉnh')).toBeNull();
    expect(unitAbbreviation('ABCDEFGHIJK')).toBeNull();
    expect(unitAbbreviation('ABCDEFGHIJ')).toBe('ABCDEFGHIJ');
    expect(unitAbbreviation('')).toBeNull();
    expect(unitAbbreviation(null)).toBeNull();
  });
});

describe('numbers', () => {
  it('have a leading zero below 10 and are whole and positive', () => {
    expect([1, 9, 10, 99, 100, 1234].map(formatNumber)).toEqual(['01', '09', '10', '99', '100', '1234']);
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => formatNumber(bad)).toThrow(RangeError);
  });

  it('refuse a type Decree 30 does not list', () => {
    expect(() => formatSymbol({ type: 'XX', legal: false, number: 1, year: 2026, agencySymbol: 'SNV' })).toThrow(RangeError);
    expect(() => seriesKey({ docType: 'XX', legal: false, confidentiality: 'normal' }, 'single')).toThrow(RangeError);
  });
});
