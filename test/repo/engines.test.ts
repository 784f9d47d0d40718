import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// The README promises Node.js ≥ 20.19 and package.json says so in `engines`. A dependency that asks for a
// newer Node (as content-disposition 3 and cookie 2 once did) makes `npm install` warn on the machines we
// promise to support and may use APIs they lack, so every installed package must accept the lowest
// promised version.
const ROOT = join(import.meta.dirname, '../..');
const promised = semver.minVersion(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node as string)!.version;

function* packages(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      yield* packages(path);
      continue;
    }
    if (existsSync(join(path, 'package.json'))) yield path;
    yield* packages(join(path, 'node_modules'));
  }
}

describe('Node.js version promise', () => {
  it('README and package.json promise the same minimum', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`Node.js ≥ ${promised.replace(/\.0$/, '')}`);
  });

  it(`every installed package accepts Node.js ${promised}`, () => {
    const refusing: string[] = [];
    let seen = 0;
    for (const path of packages(join(ROOT, 'node_modules'))) {
      const pkg = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { name?: string; version?: string; engines?: { node?: string } };
      seen++;
      const range = pkg.engines?.node;
      if (range && semver.validRange(range) && !semver.satisfies(promised, range)) refusing.push(`${pkg.name}@${pkg.version} wants node ${range}`);
    }
    expect(seen).toBeGreaterThan(100);
    expect(refusing).toEqual([]);
  });
});
