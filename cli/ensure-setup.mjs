// Runs before `npm start` and `npm test` (npm's pre-scripts), with Node alone: no dependency may
// be needed here, since installing them is its job. On a fresh clone it runs `npm ci`; when the
// lock file changed since the last install it runs it again; and it says how to get Chromium
// when /usr/bin/chromium is missing (the browser cannot be downloaded by npm on purpose).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import process from 'node:process';

const installed = 'node_modules/.package-lock.json';
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.log('Crosscheck: installing dependencies (npm ci)…');
  const run = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
if (!existsSync('/usr/bin/chromium')) {
  console.error(
    "Crosscheck: /usr/bin/chromium is missing. Install Debian's Chromium first:\n" +
      '  sudo apt-get update && sudo apt-get install -y chromium',
  );
  process.exit(1);
}
