import { describe, expect, it } from 'vitest';
import { classifySearch, phoneKey } from './queue-search.js';

describe('queue search terms', () => {
  it.each([
    ['012345678901', { kind: 'id_number', idNumber: '012345678901' }],
    ['0123 4567 8901', { kind: 'id_number', idNumber: '012345678901' }],
    ['123456789', { kind: 'id_number', idNumber: '123456789' }],
    ['c1234567a9', { kind: 'id_number', idNumber: 'C1234567A9' }],
    ['0912345678', { kind: 'phone', phone: '0912345678' }],
    ['0912 345 678', { kind: 'phone', phone: '0912345678' }],
    ['0912.345.678', { kind: 'phone', phone: '0912345678' }],
    ['+84 912 345 678', { kind: 'phone', phone: '+84912345678' }],
    ['02133 876 543', { kind: 'phone', phone: '02133876543' }],
  ] as const)('%s is a personal identifier, matched exactly', (term, expected) => {
    expect(classifySearch(term)).toEqual(expected);
  });

  it.each(['Lò Thị Hương', 'H30.501.01-260302-0001', '260302', '0001', '12345678', 'NGUYEN', 'H30.501.01-26'])('"%s" searches codes and names', (term) => {
    expect(classifySearch(term)).toEqual({ kind: 'text', text: term });
  });

  it('writes phones as one key, as the database does', () => {
    expect(phoneKey('+84 912 345 678')).toBe('0912345678');
    expect(phoneKey('0912.345.678')).toBe('0912345678');
    expect(phoneKey('02133876543')).toBe('02133876543');
  });
});
