// Benchmark: the DNS client (issue 3).
//   client.sign.throughput        signatures/s of signRequest, against a plain HMAC-SHA256 of the same string
//   client.fetchAll.*             all failed items of a 100,000-item task (200 pages of 500) from the fake gateway
//                                 on loopback: wall time and peak memory, sequential paging vs getAllErrorItems
//                                 (bounded concurrency, in order), and their ratio (target >= 3x).
// The fake gateway runs in this process on 127.0.0.1. With no added latency each page costs only CPU, shared by
// client and server in one thread, so concurrency cannot help much there; the ratio that matters is measured with
// a realistic per-answer latency (LATENCY_MS, like a real API gateway round trip), and the zero-latency figures
// are printed alongside for what they are. Requires the compiled tests (out/); they are built when missing.
'use strict';
const path = require('path');
const fs = require('fs');
const cp = require('child_process');
const { createHmac } = require('crypto');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'out');
const ITEMS = 100_000;
const PAGE = 500;
const LATENCY_MS = 40;
const TASK_ID = 'be0c4b0b0b0b4b0b8b0b0b0b0b0b0001';

function ensureCompiled() {
  const need = ['src/core/index.js', 'test/support/fakeGateway/index.js', 'test/support/builders.js'];
  if (need.every((f) => fs.existsSync(path.join(OUT, f)))) return;
  cp.execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-p', 'tsconfig.json', '--outDir', 'out', '--noEmitOnError', 'false'], { cwd: ROOT, stdio: 'ignore' });
}

function gc() {
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
  }
}

/** Samples rss and heapUsed every few ms while fn runs; returns the peaks above the starting point. */
async function withPeakMemory(fn) {
  gc();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  const timer = setInterval(sample, 5);
  const t0 = process.hrtime.bigint();
  let result;
  try {
    result = await fn(sample);
  } finally {
    clearInterval(timer);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  sample();
  return { result, ms, rssMiB: (peakRss - start.rss) / 2 ** 20, heapMiB: (peakHeap - start.heapUsed) / 2 ** 20 };
}

function signing(core, report) {
  const request = {
    method: 'GET',
    url: `https://dns.ap-southeast-3.myhuaweicloud.com/v2.1/batch-operation-tasks/${TASK_ID}?error_item_limit=500&error_item_offset=1000`,
    headers: { 'Content-Type': 'application/json', 'X-Project-Id': '0a1b2c3d4e5f60718293a4b5c6d7e8f9' },
  };
  const creds = { accessKey: 'HPUAEXAMPLEAK0000001', secretKey: 'exampleSK0123456789abcdefghijklmnopqrstu' };
  const date = '20250617T130915Z';
  const stringToSign = core.signRequest(request, creds, date).stringToSign;
  const rate = (fn) => {
    for (let i = 0; i < 2000; i++) fn(); // warm up
    const n = 50_000;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    return n / (Number(process.hrtime.bigint() - t0) / 1e9);
  };
  const signs = rate(() => core.signRequest(request, creds, date));
  const hmacs = rate(() => createHmac('sha256', creds.secretKey).update(stringToSign).digest('hex'));
  report('client.sign.throughput', Math.round(signs), 'signatures/s', {
    baseline: `${Math.round(hmacs)} plain HMAC-SHA256/s of the same string to sign`,
    ratio: `${(signs / hmacs).toFixed(2)}x of the baseline (canonical request, SHA-256 and HMAC per signature)`,
  });
}

async function fetchAll(core, support, report, latencyMs) {
  const { startFakeGateway, SANDBOX_CREDENTIALS } = support.gateway;
  const task = support.builders.aTask({ id: TASK_ID, errorItems: support.builders.errorItems(ITEMS), successCount: 0 });
  const gw = await startFakeGateway({ tasks: [task], latencyMs });
  const client = core.createDnsClient({ endpoint: gw.url, credentials: SANDBOX_CREDENTIALS, version: 'bench', timeoutMs: 60_000 });
  try {
    await client.getTask(TASK_ID, { limit: 1 }); // connection warm-up
    const sequential = await withPeakMemory(async (sample) => {
      const items = [];
      for (let offset = 0; offset < ITEMS; offset += PAGE) {
        const page = await client.getTask(TASK_ID, { limit: PAGE, offset });
        for (const item of page.errorItems) items.push(item);
        sample();
      }
      return items.length;
    });
    const concurrent = await withPeakMemory(async (sample) => {
      const { items } = await client.getAllErrorItems(TASK_ID, { pageSize: PAGE, onProgress: sample });
      return items.length;
    });
    if (sequential.result !== ITEMS || concurrent.result !== ITEMS) {
      throw new Error(`expected ${ITEMS} items, got ${sequential.result} sequential / ${concurrent.result} concurrent`);
    }
    const tag = latencyMs ? `latency${latencyMs}ms` : 'noLatency';
    const note = latencyMs
      ? `fake gateway answers after ${latencyMs} ms (a realistic API round trip); concurrency ${core.DEFAULT_CONCURRENCY}`
      : 'no added latency: client and gateway share one thread on loopback, so concurrency barely matters here';
    report(`client.fetchAll.${tag}.sequential`, Math.round(sequential.ms), 'ms', { peakRssMiB: sequential.rssMiB.toFixed(1), peakHeapMiB: sequential.heapMiB.toFixed(1), note });
    report(`client.fetchAll.${tag}.concurrent`, Math.round(concurrent.ms), 'ms', { peakRssMiB: concurrent.rssMiB.toFixed(1), peakHeapMiB: concurrent.heapMiB.toFixed(1), note });
    report(`client.fetchAll.${tag}.speedup`, Number((sequential.ms / concurrent.ms).toFixed(2)), 'x', {
      target: latencyMs ? '>= 3' : 'informational',
      memory: `items kept: ${ITEMS}; pages buffered at most 2 x concurrency`,
    });
  } finally {
    await client.close();
    await gw.close();
  }
}

exports.run = async function run(report) {
  ensureCompiled();
  const core = require(path.join(OUT, 'src/core/index.js'));
  const support = {
    gateway: require(path.join(OUT, 'test/support/fakeGateway/index.js')),
    builders: require(path.join(OUT, 'test/support/builders.js')),
  };
  signing(core, report);
  await fetchAll(core, support, report, 0);
  await fetchAll(core, support, report, LATENCY_MS);
};

// Standalone: node --expose-gc scripts/bench/client.js
if (require.main === module) {
  exports.run((name, value, unit, extra) => console.log(`${name}: ${value} ${unit}${extra ? ' ' + JSON.stringify(extra) : ''}`)).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
