import { describe, expect, it } from 'vitest';
import { DbUrlError, parseDbTarget, redact } from './db';

describe('parseDbTarget', () => {
  it('tells PostgreSQL from SQLite', () => {
    expect(parseDbTarget('postgres://u:p@db:5432/rehearse')).toEqual({
      dialect: 'postgres',
      url: 'postgres://u:p@db:5432/rehearse',
    });
    expect(parseDbTarget('postgresql://db/rehearse').dialect).toBe('postgres');
    expect(parseDbTarget('file:/var/lib/r.sqlite')).toEqual({ dialect: 'sqlite', file: '/var/lib/r.sqlite' });
    expect(parseDbTarget('file:///var/lib/r.sqlite')).toEqual({
      dialect: 'sqlite',
      file: '/var/lib/r.sqlite',
    });
    expect(parseDbTarget('file:data/r.sqlite', '/srv')).toEqual({
      dialect: 'sqlite',
      file: '/srv/data/r.sqlite',
    });
    expect(parseDbTarget('r.sqlite', '/srv')).toEqual({ dialect: 'sqlite', file: '/srv/r.sqlite' });
    expect(parseDbTarget('/abs/r.sqlite')).toEqual({ dialect: 'sqlite', file: '/abs/r.sqlite' });
    expect(parseDbTarget(':memory:')).toEqual({ dialect: 'sqlite', file: ':memory:' });
  });

  it('refuses other schemes and empty values', () => {
    expect(() => parseDbTarget('mysql://u:secret@db/x')).toThrow(DbUrlError);
    expect(() => parseDbTarget('mysql://u:secret@db/x')).toThrow(/mysql:\/\/u:\*\*\*@db\/x/);
    expect(() => parseDbTarget('  ')).toThrow(DbUrlError);
    expect(() => parseDbTarget('file:')).toThrow(DbUrlError);
  });
});

describe('redact', () => {
  it('hides the password only', () => {
    expect(redact('postgres://rehearse:s3cret@db:5432/x')).toBe('postgres://rehearse:***@db:5432/x');
    expect(redact('postgres://db/x')).toBe('postgres://db/x');
  });
});
