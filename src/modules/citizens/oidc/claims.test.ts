import { describe, expect, it } from 'vitest';
import { createDataProtection } from '../../../platform/crypto/data-protection.js';
import { DEFAULT_CLAIM_MAPPING, identityFromClaims, parseClaimMapping } from './claims.js';
import { openFlow, safeReturnTo, sealFlow } from './flow-cookie.js';

describe('claim mapping', () => {
  it('maps the default claim names, the address object and a dd/mm/yyyy birth date', () => {
    const id = identityFromClaims('https://id.example', {
      sub: 's1', name: 'Lò Thị Mai', national_id: '012190001234', birthdate: '17/05/1990', phone_number: '0912345678', email: 'mai@example.vn',
      address: { street_address: 'Bản Hon', locality: 'Tân Phong', region: 'Lai Châu' },
    }, DEFAULT_CLAIM_MAPPING);
    expect(id).toEqual({ issuer: 'https://id.example', subject: 's1', fullName: 'Lò Thị Mai', idNumber: '012190001234', birthDate: '1990-05-17', phone: '0912345678', email: 'mai@example.vn', address: 'Bản Hon, Tân Phong, Lai Châu' });
  });

  it('reads configured claim names over the defaults; refuses a bad setting', () => {
    const mapping = parseClaimMapping('idNumber=citizen_pid, fullName=full_name')!;
    expect(mapping).toMatchObject({ idNumber: 'citizen_pid', fullName: 'full_name', phone: 'phone_number' });
    expect(identityFromClaims('i', { sub: 's', full_name: 'A', citizen_pid: 12345 }, mapping)).toMatchObject({ fullName: 'A', idNumber: '12345' });
    expect(parseClaimMapping('nickname=x')).toBeNull();
    expect(parseClaimMapping('idNumber')).toBeNull();
  });

  it('leaves out a malformed contact detail but refuses an identity without subject or name', () => {
    const id = identityFromClaims('i', { sub: 's', name: 'B', birthdate: 'not a date', phone_number: '0'.repeat(40) }, DEFAULT_CLAIM_MAPPING);
    expect(id).toEqual({ issuer: 'i', subject: 's', fullName: 'B' });
    expect(identityFromClaims('i', { sub: 's' }, DEFAULT_CLAIM_MAPPING)).toMatchObject({ code: 'OIDC_CLAIMS_INCOMPLETE' });
    expect(identityFromClaims('i', { name: 'B' }, DEFAULT_CLAIM_MAPPING)).toMatchObject({ code: 'OIDC_CLAIMS_INCOMPLETE' });
  });
});

describe('sign-in flow cookie', () => {
  const keys = createDataProtection(Buffer.alloc(32, 7));
  const flow = { state: 's'.repeat(43), nonce: 'n'.repeat(43), verifier: 'v'.repeat(43), returnTo: '/x' };
  const at = Date.UTC(2025, 0, 1);

  it('opens its own sealed value for 10 minutes, then never', () => {
    const sealed = sealFlow(keys, flow, at);
    expect(openFlow(keys, sealed, at + 9 * 60_000)).toEqual(flow);
    expect(openFlow(keys, sealed, at + 10 * 60_000)).toBeUndefined();
  });

  it('refuses plain, altered or foreign values', () => {
    expect(openFlow(keys, JSON.stringify({ ...flow, exp: at + 60_000 }), at)).toBeUndefined();
    const sealed = sealFlow(keys, flow, at);
    expect(openFlow(keys, `${sealed.slice(0, -3)}AAA`, at)).toBeUndefined();
    expect(openFlow(createDataProtection(Buffer.alloc(32, 8)), sealed, at)).toBeUndefined();
    expect(openFlow(keys, undefined, at)).toBeUndefined();
  });

  it('keeps returnTo to paths of this site', () => {
    expect(safeReturnTo('/cong-dan/ho-so?x=1#y')).toBe('/cong-dan/ho-so?x=1#y');
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'evil', '/\t/evil.example', '', undefined, ['/a']]) expect(safeReturnTo(bad)).toBe('/');
  });
});
