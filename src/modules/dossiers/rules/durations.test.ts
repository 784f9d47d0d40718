import { describe, expect, it } from 'vitest';
import { formatWorkingDuration } from './durations.js';

describe('formatWorkingDuration: working time as days, hours and minutes', () => {
  it.each([
    [0.007686388888888889, 'dưới 1 phút làm việc', 'less than a minute of working time'],
    [0.75, '45 phút làm việc', '45 minutes of working time'],
    [1, '1 giờ làm việc', '1 hour of working time'],
    [1 + 5 / 60, '1 giờ 5 phút làm việc', '1 hour 5 minutes of working time'],
    [2.5, '2 giờ 30 phút làm việc', '2 hours 30 minutes of working time'],
    [7.999, '1 ngày làm việc', '1 day of working time'], // rounded to the minute first
    [8, '1 ngày làm việc', '1 day of working time'],
    [19.25, '2 ngày 3 giờ 15 phút làm việc', '2 days 3 hours 15 minutes of working time'],
    [16 + 1 / 60, '2 ngày 1 phút làm việc', '2 days 1 minute of working time'],
  ])('%s h', (hours, vi, en) => {
    expect(formatWorkingDuration(hours, 'vi')).toBe(vi);
    expect(formatWorkingDuration(hours, 'en')).toBe(en);
  });

  it('says 0 minutes for no time, and never prints a long decimal', () => {
    expect(formatWorkingDuration(0)).toBe('0 phút');
    expect(formatWorkingDuration(-1)).toBe('0 phút');
    for (let h = 0; h < 30; h += 0.0137) expect(formatWorkingDuration(h)).not.toMatch(/\d[.,]\d/);
  });
});
