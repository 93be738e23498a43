import { describe, expect, it } from 'vitest';
import { findPoints, findRange, formatPoint, monthsOf, parsePoint, totalMonths } from './dates';

const ref = { year: 2026, month: 11 };
const range = (t: string) => {
  const r = findRange(t, 2026);
  return r && { start: formatPoint(r.start), end: r.end && formatPoint(r.end), current: r.current };
};

describe('résumé dates', () => {
  it.each([
    ['Jan 2020', '2020-01'],
    ['January 2020', '2020-01'],
    ['Sept. 2019', '2019-09'],
    ['01/2020', '2020-01'],
    ['1/2020', '2020-01'],
    ['2020-01', '2020-01'],
    ['2020/03', '2020-03'],
    ['Summer 2019', '2019-06'],
    ['Fall 2018', '2018-09'],
    ['2019', '2019'],
    ['’19', '2019'],
    ["'19", '2019'],
    ["'98", '1998'],
  ])('reads %s as %s', (text, expected) => {
    expect(formatPoint(parsePoint(text, 2026)!)).toBe(expected);
  });

  it.each([
    ['Fev 2018 - Fev 2020', { start: '2018-02', end: '2020-02', current: false }],
    ['Out 2013 - Dez 2014', { start: '2013-10', end: '2014-12', current: false }],
    ['ene. 2019 – dic. 2020', { start: '2019-01', end: '2020-12', current: false }],
    ['janv. 2019 - juil. 2021', { start: '2019-01', end: '2021-07', current: false }],
  ])('reads the short month names of other languages: %s', (text, expected) => {
    expect(range(text)).toEqual(expected);
  });

  it.each([
    ['Senior Engineer  Jan 2020 – Present', { start: '2020-01', end: null, current: true }],
    ['2019 – Present', { start: '2019', end: null, current: true }],
    ['2019 - Current', { start: '2019', end: null, current: true }],
    ['Acme, Berlin | 01/2018 - 12/2019', { start: '2018-01', end: '2019-12', current: false }],
    ['2018-03 to 2020-11', { start: '2018-03', end: '2020-11', current: false }],
    ['March 2017 — June 2019', { start: '2017-03', end: '2019-06', current: false }],
    ['Summer 2019 – Fall 2019', { start: '2019-06', end: '2019-09', current: false }],
    ['’17 – ’19', { start: '2017', end: '2019', current: false }],
    ['Jan 2021–Mar 2022', { start: '2021-01', end: '2022-03', current: false }],
    // A year and a one-digit month, as Chinese CVs write them.
    ['Intern Acme 2023.11 – 2024.2', { start: '2023-11', end: '2024-02', current: false }],
    ['2024.4 – Present', { start: '2024-04', end: null, current: true }],
    // Month names and "now" in the languages CVs are often written in.
    ['Backend Engineer, Acme Maret 2022 - Sekarang', { start: '2022-03', end: null, current: true }],
    ['Juni 2019 – heute', { start: '2019-06', end: null, current: true }],
    ['février 2018 - août 2020', { start: '2018-02', end: '2020-08', current: false }],
    ['Mayo 2017 - Actualidad', { start: '2017-05', end: null, current: true }],
    // The en dash as typed in Markdown or TeX source, left as two hyphens by the renderer.
    ['Lead Developer Aug 2022 -- Present', { start: '2022-08', end: null, current: true }],
    ['2015 -- 2018', { start: '2015', end: '2018', current: false }],
    // A month and a two-digit year joined by a hyphen, at the ends of a range.
    ['Analyst, Northwind Aug-19 to Now', { start: '2019-08', end: null, current: true }],
    ['Sep-14 to Jul-19', { start: '2014-09', end: '2019-07', current: false }],
  ])('finds the range in %s', (text, expected) => {
    expect(range(text)).toEqual(expected);
  });

  it('does not take phone numbers, versions or ISO days for dates', () => {
    expect(range('+1 415-555-2019')).toBeNull();
    expect(range('Python 3.10 - 3.12')).toBeNull();
    expect(findPoints('call 555-0199, version 2.0')).toEqual([]);
  });

  it('counts months inclusively, an ongoing job up to the reference month, overlaps once', () => {
    expect(monthsOf({ start: { year: 2020, month: 1 }, end: { year: 2020, month: 3 } }, ref)).toBe(3);
    expect(monthsOf({ start: { year: 2026, month: 1 }, end: null }, ref)).toBe(11);
    expect(monthsOf({ start: { year: 2019, month: null }, end: { year: 2019, month: null } }, ref)).toBe(12);
    expect(
      totalMonths(
        [
          { start: { year: 2020, month: 1 }, end: { year: 2020, month: 12 } },
          { start: { year: 2020, month: 6 }, end: { year: 2021, month: 5 } },
          { start: { year: 2023, month: 1 }, end: { year: 2023, month: 1 } },
        ],
        ref,
      ),
    ).toBe(17 + 1); // Jan 2020–May 2021, then Jan 2023
  });
});
