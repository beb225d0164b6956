/**
 * The Redis side of the limiter: one script per admission and one per settlement, each atomic, so replicas
 * never race between reading a counter and raising it. The arithmetic is MemoryLimitStore's (same names).
 * Time is Redis's own (`TIME`), so replicas with skewed clocks still share one window.
 *
 * Keys, all under one `{name}` hash tag (one Cluster slot per key name):
 *   KEYS[1] window hash: o (oldest bucket counted), n (newest written), r / k (requests / tokens in the
 *           window), r<i> / k<i> (bucket i)
 *   KEYS[2] concurrency leases: sorted set, member = lease id, score = expiry (ms)
 *   KEYS[3] budget counter of the current period
 */
export const ACQUIRE_SCRIPT = `
local g = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
local rpm = tonumber(ARGV[3])
local tpm = tonumber(ARGV[4])
local reserve = tonumber(ARGV[5])
local maxc = tonumber(ARGV[6])
local budget = tonumber(ARGV[9])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cur = math.floor(now / g)
local lo = cur - span + 1
local w = KEYS[1]
local s = redis.call('HMGET', w, 'o', 'n', 'r', 'k')
local o = tonumber(s[1]) or lo
local n = tonumber(s[2]) or cur
local r = tonumber(s[3]) or 0
local k = tonumber(s[4]) or 0
if o < lo then
  if lo - o >= span then
    redis.call('DEL', w)
    r = 0
    k = 0
  else
    for i = o, lo - 1 do
      local b = redis.call('HMGET', w, 'r' .. i, 'k' .. i)
      if b[1] then
        r = r - tonumber(b[1])
        k = k - tonumber(b[2] or 0)
        redis.call('HDEL', w, 'r' .. i, 'k' .. i)
      end
    end
  end
  o = lo
end
local used = 0
if budget > 0 then used = tonumber(redis.call('GET', KEYS[3]) or 0) end
local function freed_after(field, need)
  local freed = 0
  for i = o, n do
    freed = freed + tonumber(redis.call('HGET', w, field .. i) or 0)
    if freed >= need then return (i + span) * g - now end
  end
  return span * g
end
local function reject(reason, retry)
  redis.call('HSET', w, 'o', o, 'n', n, 'r', r, 'k', k)
  redis.call('PEXPIRE', w, (span + 1) * g)
  local reset = 0
  if r > 0 then reset = (n + span) * g - now end
  return {reason, now, cur, r, k, reset, retry, used}
end
if maxc > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
  if redis.call('ZCARD', KEYS[2]) >= maxc then return reject(1, 1000) end
end
if rpm > 0 and r + 1 > rpm then return reject(2, freed_after('r', r + 1 - rpm)) end
if tpm > 0 and reserve > tpm then return reject(4, 0) end
if tpm > 0 and k + reserve > tpm then return reject(3, freed_after('k', k + reserve - tpm)) end
if budget > 0 and used + reserve > budget then return reject(5, 0) end
r = r + 1
k = k + reserve
redis.call('HINCRBY', w, 'r' .. cur, 1)
redis.call('HINCRBY', w, 'k' .. cur, reserve)
redis.call('HSET', w, 'o', o, 'n', cur, 'r', r, 'k', k)
redis.call('PEXPIRE', w, (span + 1) * g)
if maxc > 0 then
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[8]), ARGV[7])
  redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[8]))
end
if budget > 0 then
  used = redis.call('INCRBY', KEYS[3], reserve)
  if used == reserve then redis.call('PEXPIRE', KEYS[3], tonumber(ARGV[10])) end
end
return {0, now, cur, r, k, (cur + span) * g - now, 0, used}
`;

/**
 * ARGV: bucket, token delta, lease id ('' for none), whether a budget counter is to be adjusted. A bucket
 * that already left the window, or a budget period that ended, is not touched.
 */
export const SETTLE_SCRIPT = `
local w = KEYS[1]
local d = tonumber(ARGV[2])
if d ~= 0 and redis.call('HEXISTS', w, 'r' .. ARGV[1]) == 1 then
  redis.call('HINCRBY', w, 'k' .. ARGV[1], d)
  redis.call('HINCRBY', w, 'k', d)
end
if ARGV[3] ~= '' then redis.call('ZREM', KEYS[2], ARGV[3]) end
if ARGV[4] == '1' and d ~= 0 and redis.call('EXISTS', KEYS[3]) == 1 then redis.call('INCRBY', KEYS[3], d) end
return 1
`;
