/**
 * `npm run bench`: compiles the benchmark with the code it measures (lib/, cli/) into one ES
 * module with esbuild, as the extension's build compiles the engine, then runs it with
 * `node --expose-gc` (arguments are passed on; the exit code is the benchmark's).
 *
 * Why not run it through tsx like the other scripts: tsx compiles each file with esbuild's
 * `keepNames`, which wraps every function and class in a naming helper that the shipped code does
 * not have, and the engine measured about a tenth slower that way than as shipped.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./run.ts', import.meta.url));
// Next to run.ts, so that the paths it resolves from import.meta.url stay the same.
const outfile = fileURLToPath(new URL('./.run.mjs', import.meta.url));

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${process.versions.node.split('.')[0]}`,
  // The reference libraries and everything else from node_modules stay as they are published.
  packages: 'external',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exitCode = run.status ?? 1;
