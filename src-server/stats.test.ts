import { describe, expect, it } from 'vitest';
import { percentileOf, rankBoard, round2, summariseCohort, topCount } from './stats';

describe('percentileOf', () => {
  const cohort = [62, 70, 75, 85, 85, 95];
  it('counts averages strictly below, plus half the ties', () => {
    expect(percentileOf(cohort, 85)).toBeCloseTo((100 * (3 + 1)) / 6);
    expect(percentileOf(cohort, 70)).toBeCloseTo((100 * 1.5) / 6);
    expect(percentileOf(cohort, 80)).toBeCloseTo((100 * 3) / 6);
    expect(percentileOf(cohort, 0)).toBe(0);
    expect(percentileOf(cohort, 100)).toBe(100);
    expect(percentileOf([50], 50)).toBe(50);
    expect(percentileOf([50, 50, 50], 50)).toBe(50);
  });

  it('is null for an empty cohort', () => {
    expect(percentileOf([], 50)).toBeNull();
  });

  it('compares at two decimals (the cohort holds averages rounded so)', () => {
    const sorted = (average: number) => summariseCohort([{ deviceId: 'a', average }], new Map()).sorted;
    expect(percentileOf(sorted(70.004), 70)).toBe(50);
    expect(percentileOf(sorted(70.006), 70)).toBe(0);
    expect(percentileOf(sorted(70), 70.001)).toBe(50);
  });
});

describe('summariseCohort', () => {
  it('takes ceil(n/10) devices as the top 10%, and their practice per week over four weeks', () => {
    const devices = Array.from({ length: 11 }, (_, i) => ({
      deviceId: `d${String(i).padStart(2, '0')}`,
      average: 50 + i,
    }));
    const practice = new Map([
      ['d10', { sessions: 8, durationSum: 4 * 1800, durationCount: 4 }],
      ['d09', { sessions: 4, durationSum: 0, durationCount: 0 }],
      ['d00', { sessions: 40, durationSum: 40 * 3600, durationCount: 40 }],
    ]);
    const c = summariseCohort(devices, practice);
    expect(c.size).toBe(11);
    expect(c.averageScore).toBe(55);
    // top 2 of 11: d10 (60) and d09 (59): 12 sessions over 4 weeks and 2 devices = 1.5 a week; the sessions with a
    // duration averaged 1800 s, so 1.5 × 0.5 h = 0.75 h a week
    expect(c.top).toEqual({
      devices: 2,
      minimumAverage: 59,
      averageScore: 59.5,
      sessionsPerWeek: 1.5,
      hoursPerWeek: 0.75,
      windowDays: 28,
    });
  });

  it('breaks ties at the cut by device id, and reports no hours without durations', () => {
    const c = summariseCohort(
      [
        { deviceId: 'b', average: 80 },
        { deviceId: 'a', average: 80 },
        { deviceId: 'c', average: 10 },
      ],
      new Map([['a', { sessions: 2, durationSum: 0, durationCount: 0 }]]),
    );
    expect(c.top).toMatchObject({ devices: 1, minimumAverage: 80, sessionsPerWeek: 0.5, hoursPerWeek: null });
  });

  it('is empty for no devices', () => {
    expect(summariseCohort([], new Map())).toEqual({ size: 0, sorted: [], averageScore: null, top: null });
  });

  it('sizes the top group', () => {
    expect([0, 1, 9, 10, 11, 100, 101].map(topCount)).toEqual([0, 1, 1, 1, 2, 10, 11]);
  });
});

describe('rankBoard', () => {
  it('gives equal averages (at two decimals) the same rank, and skips the next', () => {
    const ranked = rankBoard([
      { alias: 'a', average: 90, interviews: 3 },
      { alias: 'b', average: 90.001, interviews: 1 },
      { alias: 'c', average: 80, interviews: 1 },
      { alias: 'd', average: 70, interviews: 1 },
      { alias: 'e', average: 70, interviews: 1 },
      { alias: 'f', average: 60, interviews: 1 },
    ]);
    expect(ranked.map((r) => `${r.rank}${r.alias}`)).toEqual(['1a', '1b', '3c', '4d', '4e', '6f']);
    expect(ranked[1]!.averageScore).toBe(90);
  });

  it('rounds half away from zero the way the board shows it', () => {
    expect(round2(84.995)).toBe(85);
    expect(round2(62.004)).toBe(62);
  });
});
