import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRedis } from '../../test/support/redis-server';
import { API_KEY, chatBody } from '../bench.constants';
import type { BenchContext } from '../bench.context';
import type { TransportName } from '../bench.options';
import { median } from '../lib/stats';
import { startGateway } from './gateway-process';
import type { LoadResult } from './load.types';
import { timedLoad, warmUp } from './timed-load';

/** The key with limits far above the load: rpm, tpm, concurrency and a monthly budget all counted in Redis. */
const LIMITED_KEY = 'sk-bench-limited';
const POLICY = `keys:
  - { name: bench, key: ${API_KEY} }
  - name: limited
    key: ${LIMITED_KEY}
    rpm: 1000000000
    tpm: 1000000000000
    max_concurrent: 100000
    budget: { tokens: 1000000000000000, period: month }
`;

export interface LimitsResult {
  /** Chat c64 with a key that has no limits, and with the limited key, windows interleaved in one gateway. */
  unlimited: LoadResult;
  limited: LoadResult;
  /** limited / unlimited, median over the pairs of adjacent windows: requests/s, and CPU ms per request. */
  rpsRatio: number;
  cpuRatio: number;
}

/**
 * What per-key limits cost: one gateway (default transport) with a policy file and a local redis-server,
 * chat c64 alternately with an unlimited key and a key whose every limit is counted in Redis (two script
 * calls per request: admission, then settlement), five windows each, interleaved so drift hits both.
 */
export async function measureLimits(ctx: BenchContext, transport: TransportName): Promise<LimitsResult> {
  const redis = await startRedis();
  const policyPath = join(ctx.workDir, 'limits-policy.yaml');
  writeFileSync(policyPath, POLICY);
  const gw = await startGateway(ctx, transport, {
    API_KEY: '',
    API_KEYS_FILE: policyPath,
    REDIS_URL: redis.url,
  });
  try {
    const pid = gw.child.pid;
    const run = (key: string) => ({
      url: `${gw.url}/v1/chat/completions`,
      authorization: `Bearer ${key}`,
      body: chatBody(),
      connections: 64,
    });
    await warmUp(ctx, run(API_KEY));
    await warmUp(ctx, run(LIMITED_KEY));
    const unlimited: LoadResult[] = [];
    const limited: LoadResult[] = [];
    // Pairs of adjacent windows: on a shared machine the noise moves both sides of a pair alike.
    const rounds = ctx.settings.mode === 'smoke' ? 2 : 5;
    for (let i = 0; i < rounds; i++) {
      unlimited.push(await timedLoad(ctx, pid, run(API_KEY)));
      limited.push(await timedLoad(ctx, pid, run(LIMITED_KEY)));
    }
    const byRps = (rs: LoadResult[]) => [...rs].sort((a, b) => a.rps - b.rps)[Math.floor(rs.length / 2)];
    return {
      unlimited: byRps(unlimited),
      limited: byRps(limited),
      rpsRatio: median(limited.map((l, i) => l.rps / unlimited[i].rps)),
      cpuRatio: median(limited.map((l, i) => l.cpuMsPerReq / unlimited[i].cpuMsPerReq)),
    };
  } finally {
    await gw.child.stop();
    await redis.stop();
  }
}
