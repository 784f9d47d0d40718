import { describe, expect, it } from 'vitest';
import { agencyCodeLevel, agencyCodeProblem } from './agency-code.js';

describe('electronic agency code (Decision 20/2020)', () => {
  it.each(['H30', 'H30.102', 'H30.102.01', 'A01.ABC.9Z.01', 'Y99.000'])('accepts %s', (code) => {
    expect(agencyCodeProblem(code)).toBeNull();
  });
  it.each([
    ['h30', 'chữ hoa'],
    ['Z30', 'MX1X2'],
    ['H3', 'MX1X2'],
    ['H30.10', '3 ký tự'],
    ['H30.102.001', '2 ký tự'],
    ['H30.102-01', 'chữ hoa'],
    ['H30.' + '01.'.repeat(12) + '01', '35'],
  ])('rejects %s with a message naming the rule', (code, words) => {
    expect(agencyCodeProblem(code)?.vi).toContain(words);
  });
  it('counts levels from the left', () => {
    expect(agencyCodeLevel('H30')).toBe(1);
    expect(agencyCodeLevel('H30.102.01')).toBe(3);
  });
});
