// The desktop package, Linux x64, built the way the packaging test builds it (electron-builder --dir around a
// stand-in Electron, app code and native modules as shipped): the size of the app's own part (everything beside
// Electron's files), which must stay under the 120 MB, and how long the pack step takes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_PART_LIMIT_MB, MB, packageLinuxDir, sizeOf } from '../tests/support/packaged';
import { report } from './stats';

export function benchPackage(): void {
  const times: number[] = [];
  let sizes = { own: 0, asar: 0, unpacked: 0 };
  for (let i = 0; i < 3; i++) {
    const work = mkdtempSync(join(tmpdir(), 'rehearse-bench-package-'));
    try {
      const t0 = performance.now();
      const layout = packageLinuxDir(work, 'http://127.0.0.1:9/rehearse-feed');
      times.push((performance.now() - t0) / 1000);
      sizes = { own: sizeOf(layout.resources), asar: sizeOf(layout.asar), unpacked: sizeOf(layout.unpacked) };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const mb = (n: number) => Math.round((n / MB) * 10) / 10;
  report('package_app_part_linux_x64', 'MB', [mb(sizes.own)], {
    asar: mb(sizes.asar),
    unpacked: mb(sizes.unpacked),
    limit: APP_PART_LIMIT_MB,
  });
  report('package_dir_build_linux_x64', 's', times);
}
