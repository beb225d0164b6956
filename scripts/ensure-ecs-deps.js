'use strict';
/**
 * The ECS CDK app is its own package (deploy/ecs: aws-cdk-lib is ~190 MB, which neither the gateway's image
 * build nor most contributors need). `npm test` and `npm run typecheck` call this first: it runs `npm ci` there
 * when its node_modules is missing or older than its lockfile, and does nothing otherwise.
 */
const { execFileSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

const dir = join(__dirname, '..', 'deploy', 'ecs');
const installed = join(dir, 'node_modules', '.package-lock.json');
const lock = join(dir, 'package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, stdio: 'inherit' });
}
