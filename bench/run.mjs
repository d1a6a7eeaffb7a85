#!/usr/bin/env node
// Flowgate's load benchmark: starts each system in turn on loopback (the bare Micronaut/Netty endpoint, Camunda
// 7.24's own REST API, Flowgate in-process, Flowgate on Redis), measures start-up to the first successful request,
// warms each scenario up, drives it with wrk at a fixed connection count, and prints one table plus the ratios that
// matter; the same as JSON in bench/results/latest.json. bench/run.sh builds everything first and then calls this.
// Options: --duration=20 --warmup=15 --connections=32 --threads=2 --systems=bare,camunda,flowgate,flowgate-redis
//          --scenarios=pipeline-only,straight-through,async-start,wait-state,order-saga
//          --keep-data (leave each system's data directory behind and print where, to look into it afterwards)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OPTIONS = parseOptions(process.argv.slice(2));
const JAVA_OPTS = (process.env.BENCH_JAVA_OPTS ?? '-Xms256m -Xmx512m -XX:+UseG1GC').split(/\s+/).filter(Boolean);
const JWT_SECRET = randomBytes(32).toString('hex');
const RUN_ID = Date.now().toString(36);
const ITEM = JSON.stringify({ item: 'burger', quantity: 2 });

// ---- what each system answers, per scenario ----
const camundaStart = (key) => ({
  path: `/engine-rest/process-definition/key/${key}/start`,
  body: JSON.stringify({
    variables: { item: { value: 'burger', type: 'String' }, quantity: { value: 2, type: 'Integer' } },
    withVariablesInReturn: true,
  }),
});
const flowgateCall = (path, body = ITEM) => ({ path, body, token: 'bench', idempotency: true });

const SYSTEMS = {
  bare: {
    label: 'bare Micronaut/Netty',
    jar: 'bench/bare-peer/target/bare-peer.jar',
    env: (ctx) => ({ PEER_PORT: String(ctx.port) }),
    scenarios: { 'pipeline-only': { path: '/echo', body: ITEM } },
  },
  camunda: {
    label: 'Camunda 7.24 REST',
    jar: 'bench/camunda-peer/target/camunda-peer.jar',
    env: (ctx) => ({ PEER_PORT: String(ctx.port), PEER_DATA_DIR: ctx.dataDir }),
    scenarios: {
      'straight-through': camundaStart('bench-straight'),
      'async-start': camundaStart('bench-async'),
      'wait-state': camundaStart('bench-wait'),
    },
    finished: async (ctx) => (await http(ctx, 'GET',
      '/engine-rest/history/process-instance/count?finished=true&processDefinitionKey=bench-async')).json.count,
  },
  flowgate: {
    label: 'Flowgate',
    jar: 'gateway/target/flowgate.jar',
    users: true,
    env: flowgateEnv,
    scenarios: {
      'pipeline-only': flowgateCall('/bench/echo'),
      'straight-through': flowgateCall('/bench/straight'),
      'async-start': flowgateCall('/bench/async'),
      'wait-state': flowgateCall('/bench/wait'),
      'order-saga': {
        ...flowgateCall('/orders', JSON.stringify({ store: 'downtown', items: [{ sku: 'soda', qty: 1 }], paymentToken: 'tok-visa' })),
        prepare: restock,
      },
    },
    finished: async (ctx) => (await http(ctx, 'GET', '/admin/instances?flow=bench-async&state=COMPLETED&size=1',
      { token: 'admin' })).json.total,
  },
  'flowgate-redis': {
    label: 'Flowgate + Redis',
    jar: 'gateway/target/flowgate.jar',
    users: true,
    redis: true,
    env: (ctx) => ({ ...flowgateEnv(ctx), FLOWGATE_REDIS_URL: `redis://127.0.0.1:${ctx.redisPort}` }),
    scenarios: { 'straight-through': flowgateCall('/bench/straight') },
  },
};

function flowgateEnv(ctx) {
  return {
    FLOWGATE_PORT: String(ctx.port),
    FLOWGATE_DATA_DIR: ctx.dataDir,
    FLOWGATE_FLOWS_DIR: join(ROOT, 'bench/flows'),
    FLOWGATE_CONTRACTS_DIR: join(ROOT, 'bench/contracts'),
    FLOWGATE_JWT_SECRET: JWT_SECRET,
    FLOWGATE_ADMIN_PASSWORD: adminPassword(ctx),
    FLOWGATE_TOKEN_TTL: '4h',
    FLOWGATE_RATE_LIMIT_DEFAULT_LIMIT: '1000000',
  };
}

/** The example seeds a few hundred of each item: enough stock for any run before the order saga. */
async function restock(ctx) {
  for (const sku of ['soda']) {
    const answer = await http(ctx, 'POST', '/bench/restock', {
      token: 'bench', body: JSON.stringify({ store: 'downtown', sku, delta: 1_000_000 }), idempotent: true,
    });
    if (answer.status >= 300) throw new Error(`restock answered ${answer.status}: ${answer.text}`);
  }
}

// ---- the run ----
async function main() {
  const scenarios = OPTIONS.scenarios;
  const results = [];
  const startups = [];
  requireTool('wrk', 'apt-get install -y wrk');
  for (const [id, system] of Object.entries(SYSTEMS)) {
    if (!OPTIONS.systems.includes(id)) continue;
    const wanted = Object.keys(system.scenarios).filter((s) => scenarios.includes(s));
    if (wanted.length === 0) continue;
    const ctx = await startSystem(id, system, wanted[0]);
    try {
      for (const scenario of wanted) {
        results.push(await runScenario(ctx, scenario));
      }
      ctx.startup.rssAfterLoadMiB = rss(ctx.process.pid).current;
      await restart(ctx, wanted[0]);
      startups.push(ctx.startup);
    } finally {
      await stopSystem(ctx);
    }
  }
  const report = buildReport(results, startups);
  printReport(report);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  log(`written bench/results/latest.json`);
}

async function startSystem(id, system, probeScenario) {
  const jar = join(ROOT, system.jar);
  if (!existsSync(jar)) throw new Error(`${jar} is missing: run bench/run.sh (it builds it)`);
  const ctx = { id, system, port: await freePort(), dataDir: mkdtempSync(join(tmpdir(), `bench-${id}-`)) };
  if (system.redis) ctx.redis = await startRedis(ctx);
  ctx.logFile = join(ROOT, 'bench/results', `${id}.log`);
  mkdirSync(dirname(ctx.logFile), { recursive: true });
  const seconds = await launch(ctx, probeScenario, 'w', 'record');
  ctx.startup = { system: id, label: system.label, startupSeconds: round(seconds, 2), rssAfterStartMiB: rss(ctx.process.pid).current };
  log(`${system.label}: first successful ${probeScenario} request ${seconds.toFixed(2)} s after launch`);
  return ctx;
}

/**
 * Starts the system's JVM on ctx's data directory and port; seconds until its first successful probe request.
 * cds: 'record' writes the classes the run loaded to an archive when the JVM exits, 'use' maps that archive at
 * start (what ./run does for Flowgate; every system gets the same flags), anything else runs without one.
 */
async function launch(ctx, probeScenario, logMode, cds) {
  const out = openSync(ctx.logFile, logMode);
  const began = performance.now();
  ctx.exited = undefined;
  ctx.tokens = undefined;
  const archive = join(ctx.dataDir, 'classes.jsa');
  // BENCH_CDS=off: no archive at all (a profiler agent in BENCH_JAVA_OPTS cannot run with one being recorded)
  const sharing = process.env.BENCH_CDS === 'off' ? undefined
    : { record: [`-XX:ArchiveClassesAtExit=${archive}`], use: [`-XX:SharedArchiveFile=${archive}`] }[cds];
  const flags = sharing ? [...sharing, '-Xlog:cds=off', '-Xlog:cds+dynamic=off'] : [];
  const child = spawn('java', [...JAVA_OPTS, ...flags, '-jar', join(ROOT, ctx.system.jar)], {
    env: { ...process.env, ...ctx.system.env(ctx) }, stdio: ['ignore', out, out], cwd: ctx.dataDir,
  });
  ctx.process = child;
  child.on('exit', (code) => { if (ctx.process === child) ctx.exited = code; });
  const probe = ctx.system.scenarios[probeScenario];
  const deadline = began + 180_000;
  for (;;) {
    if (ctx.exited !== undefined) throw new Error(`${ctx.id} exited with ${ctx.exited}; see ${ctx.logFile}`);
    if (performance.now() > deadline) throw new Error(`${ctx.id} answered no request within 180 s; see ${ctx.logFile}`);
    try {
      if (probe.token && ctx.system.users && !ctx.tokens) ctx.tokens = await signIn(ctx);
      const answer = await http(ctx, 'POST', probe.path, { token: probe.token, body: probe.body, idempotent: probe.idempotency });
      if (answer.status < 300) break;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  return (performance.now() - began) / 1000;
}

/**
 * Stops the system after its load and starts it again on the same data directory (tables, deployments and the
 * example already there): what every restart or rolling deploy of a node costs. Twice: with plain `java -jar`, then
 * with the class-data sharing archive the first run wrote at exit (how ./run starts Flowgate).
 */
async function restart(ctx, probeScenario) {
  await stopProcess(ctx);
  const plain = await launch(ctx, probeScenario, 'a', 'none');
  ctx.startup.restartSeconds = round(plain, 2);
  log(`${ctx.system.label}: restarted, first successful ${probeScenario} request ${plain.toFixed(2)} s after launch`);
  await stopProcess(ctx);
  if (!existsSync(join(ctx.dataDir, 'classes.jsa'))) {
    log(`${ctx.system.label}: no class-data sharing archive was written at exit; restart with it not measured`);
    return;
  }
  const shared = await launch(ctx, probeScenario, 'a', 'use');
  ctx.startup.restartCdsSeconds = round(shared, 2);
  log(`${ctx.system.label}: restarted with class-data sharing, first successful ${probeScenario} request ${shared.toFixed(2)} s after launch`);
}

async function runScenario(ctx, scenario) {
  const spec = ctx.system.scenarios[scenario];
  if (spec.prepare) await spec.prepare(ctx);
  log(`${ctx.system.label} · ${scenario}: warm-up ${OPTIONS.warmup}s`);
  await wrk(ctx, spec, OPTIONS.warmup);
  const drain = scenario === 'async-start' && ctx.system.finished;
  let before = 0;
  if (drain) before = await awaitDrained(ctx, null, 180);
  resetPeakRss(ctx.process.pid);
  log(`${ctx.system.label} · ${scenario}: ${OPTIONS.duration}s at ${OPTIONS.connections} connections`);
  const began = performance.now();
  const measured = await wrk(ctx, spec, OPTIONS.duration);
  const peak = rss(ctx.process.pid).peak;
  const row = {
    scenario, system: ctx.id, label: ctx.system.label, ...measured, peakRssMiB: peak,
  };
  if (drain) {
    const accepted = measured.requests - measured.errors;
    const done = await awaitDrained(ctx, before + accepted, 300);
    const seconds = (performance.now() - began) / 1000;
    row.drain = {
      accepted, completed: done - before, seconds: round(seconds, 1),
      completedPerSecond: round((done - before) / seconds, 1),
    };
    log(`${ctx.system.label} · ${scenario}: ${row.drain.completed} of ${accepted} instances completed in ${row.drain.seconds}s`);
  }
  const codes = Object.entries(measured.statuses).map(([code, n]) => `${n}× ${code}`).join(', ');
  log(`${ctx.system.label} · ${scenario}: ${measured.rps} req/s, p99 ${measured.p99_ms} ms, errors ${measured.errors}${codes ? ` (${codes})` : ''}`);
  return row;
}

/** Waits until the finished count stops growing (target null) or reaches the target; answers the count. */
async function awaitDrained(ctx, target, maxSeconds) {
  const deadline = performance.now() + maxSeconds * 1000;
  let last = -1;
  let stableSince = performance.now();
  for (;;) {
    const count = await ctx.system.finished(ctx);
    if (target !== null && count >= target) return count;
    if (count !== last) {
      last = count;
      stableSince = performance.now();
    } else if (target === null && performance.now() - stableSince > 2000) {
      return count;
    }
    if (performance.now() > deadline) return count;
    await sleep(200);
  }
}

function wrk(ctx, spec, seconds) {
  const env = {
    ...process.env,
    BENCH_PATH: spec.path,
    BENCH_BODY: spec.body,
    BENCH_TOKEN: spec.token ? token(ctx, spec.token) : '',
    BENCH_IDEMPOTENCY: spec.idempotency ? '1' : '0',
    BENCH_RUN_ID: `${RUN_ID}-${ctx.id}-${Math.random().toString(36).slice(2, 8)}`,
  };
  const args = [`-t${OPTIONS.threads}`, `-c${OPTIONS.connections}`, `-d${seconds}s`, '--timeout', '10s',
    '-s', join(ROOT, 'bench/lua/post.lua'), `http://127.0.0.1:${ctx.port}`];
  return new Promise((resolvePromise, reject) => {
    const child = spawn('wrk', args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) {
        reject(new Error(`wrk failed (${code}):\n${output}`));
        return;
      }
      const r = JSON.parse(line.slice('BENCH_RESULT '.length));
      resolvePromise({
        requests: r.requests, rps: round(r.rps, 0), p50_ms: round(r.p50_ms, 2), p99_ms: round(r.p99_ms, 2),
        p999_ms: round(r.p999_ms, 2), max_ms: round(r.max_ms, 1), errors: r.errors, non2xx: r.non2xx,
        timeouts: r.timeouts, statuses: r.statuses,
      });
    });
  });
}

async function stopProcess(ctx) {
  if (ctx.exited === undefined) {
    ctx.process.kill('SIGTERM');
    // a JVM recording a class-data sharing archive writes it while exiting: seconds
    for (let i = 0; i < 300 && ctx.exited === undefined; i++) await sleep(100);
    if (ctx.exited === undefined) {
      ctx.process.kill('SIGKILL');
      for (let i = 0; i < 50 && ctx.exited === undefined; i++) await sleep(100);
    }
  }
}

async function stopSystem(ctx) {
  await stopProcess(ctx);
  if (ctx.redis) ctx.redis.kill('SIGTERM');
  if (OPTIONS.keepData) log(`${ctx.system.label}: data left in ${ctx.dataDir}`);
  else rmSync(ctx.dataDir, { recursive: true, force: true });
}

async function startRedis(ctx) {
  requireTool('redis-server', 'apt-get install -y redis-server');
  ctx.redisPort = await freePort();
  const child = spawn('redis-server', ['--port', String(ctx.redisPort), '--bind', '127.0.0.1', '--save', '',
    '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if (await canConnect(ctx.redisPort)) return child;
    await sleep(50);
  }
  throw new Error('redis-server did not start');
}

// ---- the report ----
function buildReport(results, startups) {
  const find = (scenario, system) => results.find((r) => r.scenario === scenario && r.system === system);
  const ratio = (a, b, key) => (a && b && b[key] ? round(a[key] / b[key], 2) : null);
  const ratios = {};
  for (const scenario of ['straight-through', 'wait-state', 'async-start']) {
    const f = find(scenario, 'flowgate');
    const c = find(scenario, 'camunda');
    if (f && c) ratios[`${scenario}: Flowgate ÷ Camunda REST`] = { rps: ratio(f, c, 'rps'), p99: ratio(f, c, 'p99_ms') };
  }
  const pipeline = find('pipeline-only', 'flowgate');
  const bare = find('pipeline-only', 'bare');
  if (pipeline && bare) ratios['pipeline-only ÷ bare endpoint'] = { rps: ratio(pipeline, bare, 'rps'), p99: ratio(pipeline, bare, 'p99_ms') };
  const redis = find('straight-through', 'flowgate-redis');
  const local = find('straight-through', 'flowgate');
  if (redis && local) ratios['straight-through: Redis ÷ in-process'] = { rps: ratio(redis, local, 'rps'), p99: ratio(redis, local, 'p99_ms') };

  const flowgateStart = startups.find((s) => s.system === 'flowgate');
  const asyncRow = find('async-start', 'flowgate');
  const targets = [
    target('straight-through ≥ 2× Camunda REST rps', ratios['straight-through: Flowgate ÷ Camunda REST']?.rps, (v) => v >= 2),
    target('straight-through p99 no worse than Camunda REST', ratios['straight-through: Flowgate ÷ Camunda REST']?.p99, (v) => v <= 1),
    target('pipeline-only ≥ 0.8× bare endpoint rps', ratios['pipeline-only ÷ bare endpoint']?.rps, (v) => v >= 0.8),
    target('async-start ≥ 3,000 accepted/s', asyncRow?.rps, (v) => v >= 3000),
    target('job executor drains ≥ 1,000 instances/s', asyncRow?.drain?.completedPerSecond, (v) => v >= 1000),
    target('start-up ≤ 4 s with the example loaded (first start)', flowgateStart?.startupSeconds, (v) => v <= 4),
    target('start-up ≤ 4 s with the example loaded (restart)', flowgateStart?.restartSeconds, (v) => v <= 4),
    target('start-up ≤ 4 s with the example loaded (restart, class-data sharing)', flowgateStart?.restartCdsSeconds, (v) => v <= 4),
    target('RSS ≤ 512 MiB after load', flowgateStart?.rssAfterLoadMiB, (v) => v <= 512),
  ];
  return {
    date: new Date().toISOString(),
    commit: git(['rev-parse', 'HEAD']),
    dirty: git(['status', '--porcelain']) !== '',
    machine: machine(),
    settings: {
      durationSeconds: OPTIONS.duration, warmupSeconds: OPTIONS.warmup, connections: OPTIONS.connections,
      wrkThreads: OPTIONS.threads, javaOpts: JAVA_OPTS.join(' '),
    },
    results, startups, ratios, targets,
  };
}

function target(name, value, ok) {
  return { target: name, value: value ?? null, met: value === null || value === undefined ? null : ok(value) };
}

function printReport(report) {
  const rows = report.results.map((r) => [r.scenario, r.label, r.rps, r.p50_ms, r.p99_ms, r.p999_ms, r.errors,
    r.peakRssMiB, r.drain ? `${r.drain.completedPerSecond}/s` : '']);
  console.log(`\nFlowgate benchmark · ${report.date} · ${report.commit.slice(0, 10)}${report.dirty ? ' (dirty)' : ''}`);
  console.log(`${report.machine.cores} cores · ${report.machine.cpu} · ${report.machine.memoryGiB} GiB · ${report.machine.java}`);
  console.log(`wrk ${report.settings.connections} connections, ${report.settings.wrkThreads} threads, ${report.settings.durationSeconds}s after ${report.settings.warmupSeconds}s warm-up; JVMs: ${report.settings.javaOpts}\n`);
  table(['scenario', 'system', 'req/s', 'p50 ms', 'p99 ms', 'p99.9 ms', 'errors', 'peak RSS MiB', 'drained'], rows);
  console.log('');
  table(['system', 'start-up to 1st request s', 'restart s', 'restart, class-data sharing s', 'RSS after start MiB', 'RSS after load MiB'],
    report.startups.map((s) => [s.label, s.startupSeconds, s.restartSeconds ?? '—', s.restartCdsSeconds ?? '—', s.rssAfterStartMiB, s.rssAfterLoadMiB]));
  console.log('');
  table(['ratio', 'req/s', 'p99 (lower is better)'], Object.entries(report.ratios).map(([k, v]) => [k, v.rps, v.p99]));
  console.log('');
  table(['target', 'measured', 'met'], report.targets.map((t) => [t.target, t.value ?? '—', t.met === null ? '—' : t.met ? 'yes' : 'no']));
}

function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c)));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  // numbers right-aligned, text left-aligned
  const numeric = headers.map((_, i) => rows.every((r) => typeof r[i] === 'number' || r[i] === '' || r[i] === '—'));
  const line = (r) => `| ${r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  console.log(line(cells[0]));
  console.log(`|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const r of cells.slice(1)) console.log(line(r));
}

// ---- helpers ----
/**
 * Flowgate's tokens are its users' (each carries its user's token generation, checked on every request): a system
 * with users gets real logins (signIn); a token of another kind is only for systems without users.
 */
function token(ctx, kind) {
  if (ctx.tokens) return ctx.tokens[kind];
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: `bench-${kind}`, roles: [kind], iat: now, exp: now + 4 * 3600 };
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}

function adminPassword(ctx) {
  ctx.adminPassword ??= randomBytes(12).toString('hex');
  return ctx.adminPassword;
}

/** Logs in as the admin, creates the bench user once per data directory (tenant bistro) and logs it in. */
async function signIn(ctx) {
  const login = async (username, password) => {
    const answer = await http(ctx, 'POST', '/auth/token', { body: JSON.stringify({ username, password }) });
    if (answer.status !== 200) throw new Error(`login of ${username} answered ${answer.status}`);
    return answer.json.access_token;
  };
  const admin = await login('admin', ctx.adminPassword);
  const created = await http(ctx, 'POST', '/admin/users', {
    bearer: admin,
    body: JSON.stringify({ username: 'bench', password: ctx.adminPassword, roles: ['bench', 'customer'], tenant: 'bistro' }),
  });
  if (created.status !== 201 && created.status !== 409) throw new Error(`creating the bench user answered ${created.status}: ${created.text}`);
  return { admin, bench: await login('bench', ctx.adminPassword) };
}

async function http(ctx, method, path, { token: kind, bearer, body, idempotent } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const credential = bearer ?? (kind ? token(ctx, kind) : undefined);
  if (credential) headers.Authorization = `Bearer ${credential}`;
  if (idempotent) headers['Idempotency-Key'] = `${RUN_ID}-probe-${Math.random().toString(36).slice(2)}`;
  const response = await fetch(`http://127.0.0.1:${ctx.port}${path}`, { method, headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: response.status, text, json };
}

/** Current and peak resident set of a process, in MiB (VmRSS, VmHWM). */
function rss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key) => Number((status.match(new RegExp(`${key}:\\s+(\\d+)`)) ?? [0, 0])[1]);
  return { current: Math.round(kib('VmRSS') / 1024), peak: Math.round(kib('VmHWM') / 1024) };
}

/** Writing 5 to clear_refs resets the peak (VmHWM), so each scenario reports its own peak. */
function resetPeakRss(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not allowed here: the peak then covers everything before too
  }
}

function machine() {
  const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [0, 'unknown'])[1].trim();
  const mem = Number((readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/) ?? [0, 0])[1]);
  // both print their version on stderr (and wrk exits 1 doing it)
  const firstLine = (cmd, args) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    return `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n')[0].trim() || 'unknown';
  };
  const java = firstLine('java', ['-version']);
  const wrkVersion = firstLine('wrk', ['-v']);
  return { cores: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()), cpu, memoryGiB: Math.round(mem / 1048576), java, wrk: wrkVersion };
}

function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function requireTool(name, install) {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
  } catch {
    throw new Error(`${name} is missing: ${install}`);
  }
}

function freePort() {
  return new Promise((resolvePromise) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolvePromise) => {
    const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolvePromise(true); });
    socket.on('error', () => resolvePromise(false));
  });
}

function parseOptions(args) {
  const value = (name, fallback) => {
    const arg = args.find((a) => a.startsWith(`--${name}=`));
    return arg ? arg.slice(name.length + 3) : fallback;
  };
  return {
    duration: Number(value('duration', process.env.BENCH_DURATION ?? 20)),
    warmup: Number(value('warmup', process.env.BENCH_WARMUP ?? 15)),
    connections: Number(value('connections', process.env.BENCH_CONNECTIONS ?? 32)),
    threads: Number(value('threads', 2)),
    systems: value('systems', 'bare,camunda,flowgate,flowgate-redis').split(','),
    scenarios: value('scenarios', 'pipeline-only,straight-through,async-start,wait-state,order-saga').split(','),
    keepData: args.includes('--keep-data'),
  };
}

const round = (v, digits) => Math.round(v * 10 ** digits) / 10 ** digits;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (message) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
