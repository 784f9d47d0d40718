import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalQuery, fromGatewayAmount, gatewayDate, parseGatewayDate, signedQuery, verifyParams } from './vnpay-signing.js';

const SECRET = 'KHOABIMATTHU2026';

/** A return as a gateway sends it, including a space, Vietnamese letters and reserved characters. */
const params = {
  vnp_TxnRef: 'HS7Q2K9M4P1A',
  vnp_Amount: '5000000',
  vnp_OrderInfo: 'Thanh toan ho so H30.22-260302-0001 (le phi)',
  vnp_TmnCode: 'MOTCUA01',
  vnp_ResponseCode: '00',
  vnp_PayDate: '20260302093000',
  vnp_BankCode: 'NCB',
  vnp_Note: 'Lò Thị Hương & con/em',
};

describe('the VNPAY-style signature', () => {
  it('equals an HMAC-SHA512 computed independently over the sorted, form-encoded parameters', () => {
    // Written out by hand: names in order, spaces as "+", "&", "/", "(" and ")" percent-encoded as a form does.
    const expectedString = 'vnp_Amount=5000000&vnp_BankCode=NCB&vnp_Note=L%C3%B2+Th%E1%BB%8B+H%C6%B0%C6%A1ng+%26+con%2Fem'
      + '&vnp_OrderInfo=Thanh+toan+ho+so+H30.22-260302-0001+%28le+phi%29&vnp_PayDate=20260302093000&vnp_ResponseCode=00'
      + '&vnp_TmnCode=MOTCUA01&vnp_TxnRef=HS7Q2K9M4P1A';
    expect(canonicalQuery(params)).toBe(expectedString);
    const independent = createHmac('sha512', SECRET).update(expectedString).digest('hex');
    expect(signedQuery(params, SECRET)).toBe(`${expectedString}&vnp_SecureHash=${independent}`);
    expect(verifyParams({ ...params, vnp_SecureHash: independent }, SECRET)).toBe(true);
    expect(verifyParams({ ...params, vnp_SecureHash: independent.toUpperCase() }, SECRET)).toBe(true);
  });

  it('breaks when one parameter changes, the secret differs, or the hash is missing or malformed', () => {
    const hash = createHmac('sha512', SECRET).update(canonicalQuery(params)).digest('hex');
    expect(verifyParams({ ...params, vnp_Amount: '5000100', vnp_SecureHash: hash }, SECRET)).toBe(false);
    expect(verifyParams({ ...params, vnp_ResponseCode: '24', vnp_SecureHash: hash }, SECRET)).toBe(false);
    expect(verifyParams({ ...params, vnp_Extra: 'x', vnp_SecureHash: hash }, SECRET)).toBe(false);
    expect(verifyParams({ ...params, vnp_SecureHash: hash }, 'KHOAKHAC')).toBe(false);
    expect(verifyParams(params, SECRET)).toBe(false);
    expect(verifyParams({ ...params, vnp_SecureHash: 'zz' }, SECRET)).toBe(false);
    // The hash fields themselves, and parameters that are not the protocol's, are not signed.
    expect(verifyParams({ ...params, vnp_SecureHashType: 'HmacSHA512', other: '1', vnp_SecureHash: hash }, SECRET)).toBe(true);
  });

  it('writes and reads dates as yyyyMMddHHmmss in GMT+7, whatever the machine\'s zone', () => {
    const at = new Date('2026-03-01T17:30:05Z');
    expect(gatewayDate(at)).toBe('20260302003005');
    expect(parseGatewayDate('20260302003005')).toEqual(at);
    expect(parseGatewayDate('20260230120000')).toBeUndefined();
    expect(parseGatewayDate('2026030200300')).toBeUndefined();
  });

  it('reads amounts in đồng ×100 and refuses fractions of a đồng', () => {
    expect(fromGatewayAmount('5000000')).toBe(50_000);
    expect(fromGatewayAmount('5000050')).toBeUndefined();
    expect(fromGatewayAmount('-100')).toBeUndefined();
    expect(fromGatewayAmount(undefined)).toBeUndefined();
  });
});
