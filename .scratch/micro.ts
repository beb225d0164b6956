import Redis from 'ioredis';
import { startRedis } from '/work/wt/i14/test/support/redis-server';
import { RedisLimitStore } from '/work/wt/i14/src/limits/store/redis-limit.store';
(async () => {
  const r = await startRedis();
  const redis = new Redis(r.url, { enableAutoPipelining: false, enableOfflineQueue: false });
  await new Promise((res) => redis.once('ready', res));
  const store = new RedisLimitStore(redis);
  const req = { id: 'x', rpm: 1e9, tpm: 1e12, maxConcurrent: 100000, reserve: 256, leaseId: 'l', leaseTtlMs: 60000, budget: { limit: 1e15, period: '2026-12', ttlMs: 1e9 } };
  for (let round = 0; round < 3; round++) {
    const n = 20000;
    const c0 = process.cpuUsage(); const t0 = performance.now();
    let i = 0;
    const worker = async () => { while (i < n) { const k = i++; const a = await store.acquire({ ...req, leaseId: 'l' + k }); await store.settle({ id: 'x', bucket: a.bucket, tokenDelta: -100, leaseId: 'l' + k, budgetPeriod: '2026-12' }); } };
    await Promise.all(Array.from({ length: 64 }, worker));
    const c = process.cpuUsage(c0); const t = performance.now() - t0;
    console.log(`round ${round}: ${(n / t * 1000).toFixed(0)} req/s, client CPU ${((c.user + c.system) / 1000 / n * 1000).toFixed(1)} µs per acquire+settle`);
  }
  redis.disconnect(); await r.stop();
})();
