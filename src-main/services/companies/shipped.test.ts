import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShippedCompanyFile } from '../../../src-shared/companies';
import { appPaths } from '../../paths';

const dir = join(appPaths().resources, 'companies');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const profiles = files.map((file) => ({
  file,
  profile: ShippedCompanyFile.parse(JSON.parse(readFileSync(join(dir, file), 'utf8'))),
}));

/**
 * Official domains whose host does not contain a word of the company's name. An entry with a path
 * ("github.com/basecamp/") allows only addresses under that path on that host.
 */
const OFFICIAL: Record<string, string[]> = {
  amazon: ['awscloud.com'],
  '37signals': ['basecamp.com', '37signals.com', 'github.com/basecamp/'],
};

const nameWords = (name: string) =>
  name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3);

const isOfficial = (id: string, name: string, address: string) => {
  const url = new URL(address);
  const host = url.hostname.toLowerCase();
  if (nameWords(name).some((w) => host.includes(w))) return true;
  return (OFFICIAL[id] ?? []).some((allowed) => {
    const slash = allowed.indexOf('/');
    const domain = slash < 0 ? allowed : allowed.slice(0, slash);
    const onHost = host === domain || host.endsWith(`.${domain}`);
    return onHost && (slash < 0 || `${host}${url.pathname}`.startsWith(allowed));
  });
};

describe('the shipped company profiles', () => {
  it('ships at least ten profiles, each parsing as ShippedCompanyFile and named after its id', () => {
    expect(profiles.length).toBeGreaterThanOrEqual(10);
    for (const { file, profile } of profiles) expect(profile.id, file).toBe(basename(file, '.json'));
  });

  it('has unique ids and unique names', () => {
    const ids = profiles.map((p) => p.profile.id);
    const names = profiles.map((p) => p.profile.name.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
  });

  it("cites only https addresses on the company's own domains", () => {
    for (const { profile } of profiles) {
      for (const source of profile.sources) {
        expect(new URL(source.url).protocol, source.url).toBe('https:');
        expect(isOfficial(profile.id, profile.name, source.url), `${profile.id}: ${source.url}`).toBe(true);
      }
    }
  });

  it('lists each value once, with a short description for every value and stage', () => {
    for (const { profile } of profiles) {
      const values = profile.values.map((v) => v.name.toLowerCase());
      expect(new Set(values).size, profile.id).toBe(values.length);
      const described = [...profile.values, ...profile.stages];
      for (const { name, description } of described) {
        expect(description.trim().length, `${profile.id}: ${name}`).toBeGreaterThan(0);
        expect(description.length, `${profile.id}: ${name}`).toBeLessThanOrEqual(400);
      }
    }
  });

  it('gives most profiles an interview process, with a behavioural stage so values become prompts', () => {
    const withStages = profiles.filter((p) => p.profile.stages.length > 0);
    const withBehavioral = profiles.filter((p) =>
      p.profile.stages.some((s) => s.categories.includes('Behavioral')),
    );
    expect(withStages.length).toBeGreaterThanOrEqual(8);
    expect(withBehavioral.length).toBeGreaterThanOrEqual(8);
    for (const { profile } of withStages) {
      for (const stage of profile.stages)
        expect(stage.categories.length, `${profile.id}: ${stage.name}`).toBeGreaterThan(0);
    }
  });
});
