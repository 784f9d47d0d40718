// Chromium for the browser journeys: present, installed here with apt when we can (root on Debian or
// Ubuntu, as on CI), or a clear stop naming the exact command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PACKAGES = ['chromium', 'fonts-noto-core'];
export const INSTALL_COMMAND = `sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`;

export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** True when Chromium is there (perhaps after installing it); false after printing what to do. */
export function ensureChromium({
  log = console.log,
  error = console.error,
  path = chromiumPath(),
  isRoot = typeof process.getuid === 'function' && process.getuid() === 0,
  hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0,
} = {}) {
  if (existsSync(path)) return true;
  if (!process.env.CHROMIUM_PATH && isRoot && hasApt) {
    log(`Chromium is missing (${path}): installing ${PACKAGES.join(', ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], { stdio: 'inherit', env });
    if (install && install.status === 0 && existsSync(path)) return true;
  }
  error([
    '',
    `Chromium is missing (${path}); the browser journeys cannot run.`,
    process.env.CHROMIUM_PATH ? 'CHROMIUM_PATH points to a file that does not exist: fix it, or unset it to use /usr/bin/chromium.' : `Install it, then run npm test again:\n\n  ${INSTALL_COMMAND}\n`,
    'Or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    '',
  ].join('\n'));
  return false;
}
