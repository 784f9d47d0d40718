import { describe, expect, it } from 'vitest';

import type { VersionStatus } from '../schema.js';
import {
  allowedVersionActions,
  findVersionInForce,
  isVersionEditable,
  nextVersionStatus,
  type VersionAction,
} from './version-status.js';

const ALL_STATUSES: VersionStatus[] = ['draft', 'published', 'amended', 'replaced', 'abolished'];
const ALL_ACTIONS: VersionAction[] = ['edit', 'publish', 'amend', 'replace', 'abolish'];

describe('nextVersionStatus', () => {
  const allowed: [VersionStatus, VersionAction, VersionStatus][] = [
    ['draft', 'edit', 'draft'],
    ['draft', 'publish', 'published'],
    ['published', 'amend', 'amended'],
    ['published', 'replace', 'replaced'],
    ['published', 'abolish', 'abolished'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(nextVersionStatus(from, action)).toEqual({ ok: true, status: to });
  });

  const refused = ALL_STATUSES.flatMap((s) => ALL_ACTIONS.map((a) => [s, a] as const)).filter(
    ([s, a]) => !allowed.some(([from, action]) => from === s && action === a),
  );

  it.each(refused)('refuses %s --%s', (from, action) => {
    const result = nextVersionStatus(from, action);
    expect(result.ok).toBe(false);
  });

  it('explains that a published version is immutable', () => {
    expect(nextVersionStatus('published', 'edit')).toEqual({
      ok: false,
      code: 'PUBLISHED_IMMUTABLE',
      message: 'Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới và công bố bằng quyết định mới.',
    });
    expect(isVersionEditable('published')).toBe(false);
    expect(isVersionEditable('draft')).toBe(true);
  });

  it('refuses to close a draft and to touch a closed version', () => {
    expect(nextVersionStatus('draft', 'abolish')).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(nextVersionStatus('replaced', 'publish')).toMatchObject({
      code: 'VERSION_CLOSED',
      message: 'Phiên bản đã bị thay thế, không thể công bố.',
    });
  });

  it('lists the actions the UI may offer', () => {
    expect(allowedVersionActions('draft')).toEqual(['edit', 'publish']);
    expect(allowedVersionActions('published')).toEqual(['amend', 'replace', 'abolish']);
    expect(allowedVersionActions('abolished')).toEqual([]);
  });
});

describe('findVersionInForce', () => {
  const versions = [
    { number: 1, status: 'amended' as const, effectiveFrom: '2025-07-01', effectiveTo: '2026-01-31' },
    { number: 2, status: 'published' as const, effectiveFrom: '2026-02-01' },
    { number: 3, status: 'draft' as const },
  ];

  it.each([
    ['2025-06-30', undefined],
    ['2025-07-01', 1],
    ['2026-01-31', 1],
    ['2026-02-01', 2],
    ['2027-12-31', 2],
  ])('on %s the version in force is %s', (date, expected) => {
    expect(findVersionInForce(versions, date)?.number).toBe(expected);
  });

  it('has nothing in force after abolition', () => {
    const abolished = [{ number: 1, status: 'abolished' as const, effectiveFrom: '2025-07-01', effectiveTo: '2025-12-31' }];
    expect(findVersionInForce(abolished, '2026-01-01')).toBeUndefined();
    expect(findVersionInForce(abolished, '2025-12-31')?.number).toBe(1);
  });
});
