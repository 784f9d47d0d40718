#!/usr/bin/env node
// `npm test`: type checking, the unit and API suites on the embedded PGlite AND on a real
// PostgreSQL server, then the browser journeys in Chromium. Any failing step fails the run.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';
import net from 'node:net';

const started = Date.now();
const results = [];

function step(name, cmd, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${Math.round((Date.now() - t0) / 1000)} s)`);
  if (!ok) finish(1);
}

function finish(code) {
  console.log(`\n=== summary (${Math.round((Date.now() - started) / 1000)} s) ===\n${results.join('\n')}`);
  process.exit(code);
}

function reachable(url) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    socket.setTimeout(2000);
    socket.on('connect', () => { socket.destroy(); resolve(true); });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => { socket.destroy(); resolve(false); });
  });
}

const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const npx = 'npx';

// The browser journeys need Chromium: settle that first, so a missing browser stops the run at once
// with the command to run instead of failing after minutes of other suites.
if (!ensureChromium()) process.exit(1);

step('type check', 'npm', ['run', '--silent', 'typecheck']);
step('unit + API on PGlite', npx, ['vitest', 'run'], { TEST_DB: 'pglite' });
if (await reachable(pgUrl)) {
  step(`unit + API on PostgreSQL (${new URL(pgUrl).host})`, npx, ['vitest', 'run'], { TEST_DB: 'postgresql', TEST_DATABASE_URL: pgUrl });
} else {
  const msg = `PostgreSQL at ${pgUrl} did not answer: THE POSTGRESQL HALF OF THE SUITE WAS NOT RUN`;
  console.warn(`\n${'!'.repeat(msg.length)}\n${msg}\n${'!'.repeat(msg.length)}`);
  results.push(`SKIP unit + API on PostgreSQL — ${msg}`);
}
// The journeys drive the built web app; building takes seconds, so always test the current source.
step('build the web app', 'npm', ['run', '--silent', 'build:web']);
step('browser journeys (Chromium)', npx, ['vitest', 'run', '--config', 'test/e2e/vitest.config.ts']);
finish(0);
