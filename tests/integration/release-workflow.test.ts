import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow, type ValidationError } from '@action-validator/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/built';

const WORKFLOW = join(ROOT, '.github', 'workflows', 'release.yml');
const source = readFileSync(WORKFLOW, 'utf8');

/** Every leaf error, as "path: detail", so a failure names what to fix. */
const flatten = (errors: ValidationError[]): string[] =>
  errors.flatMap((e) =>
    'states' in e && e.states?.length
      ? e.states.flatMap((s) => flatten(s.errors))
      : [`${'path' in e ? e.path : ''}: ${e.detail ?? e.title}`],
  );

interface Step {
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Workflow {
  jobs: Record<
    string,
    { 'runs-on': string; steps: Step[]; strategy?: { matrix: { include: { os: string }[] } } }
  >;
}

describe('the release workflow', () => {
  it("is valid against GitHub's workflow schema (SchemaStore's, in @action-validator/core)", () => {
    expect(flatten(validateWorkflow(source).errors)).toEqual([]);
  });

  it('would catch a broken one', () => {
    const broken = source.replace('runs-on: ${{ matrix.os }}', 'runs_on: ${{ matrix.os }}');
    expect(broken).not.toBe(source);
    expect(flatten(validateWorkflow(broken).errors)).toContain(
      "/jobs/installers: Additional property 'runs_on' is not allowed",
    );
  });

  it('builds on Linux, macOS and Windows, and smoke-tests each installer build from the package itself', () => {
    const workflow = parse(source) as Workflow;
    const installers = workflow.jobs.installers!;
    const systems = installers.strategy!.matrix.include.map((m) => m.os.split('-')[0]);
    expect(systems).toEqual(['ubuntu', 'macos', 'windows']);
    const runs = installers.steps.map((s) => s.run ?? '');
    const smokeBuild = runs.findIndex((r) => r.includes('npx electron-builder') && r.includes('--dir'));
    const installersBuild = runs.findIndex((r) => r.includes('npx electron-builder') && !r.includes('--dir'));
    const smoke = installers.steps.findIndex(
      (s) => s.run?.includes('tests/integration/packaging.test.ts') && s.env?.REHEARSE_PACKAGED_RESOURCES,
    );
    expect(smokeBuild).toBeGreaterThan(0);
    expect(smoke).toBeGreaterThan(smokeBuild);
    expect(installersBuild).toBeGreaterThan(smoke);
    // Only the smoke-test build keeps Electron's Node mode, which the test needs to run the app's code.
    expect(runs[smokeBuild]).toContain('-c.electronFuses.runAsNode=true');
    expect(runs[installersBuild]).not.toContain('runAsNode');
    // electron-builder refuses to make a .deb without a homepage and a maintainer.
    expect(runs[installersBuild]).toContain('-c.extraMetadata.homepage=$HOMEPAGE');
    expect(runs[installersBuild]).toContain('"-c.linux.maintainer=$DEB_MAINTAINER"');
    for (const build of [smokeBuild, installersBuild]) {
      // Installers are never published by the build itself: a draft release, then a person.
      expect(runs[build]).toContain('--publish never');
      expect(runs[build]).toContain('-c.publish.url=$FEED');
    }
    expect(workflow.jobs['draft-release']!.steps.at(-1)!.run).toContain('--draft');
  });
});
