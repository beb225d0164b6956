/**
 * The Redis side of the limiter: one atomic script call applies a batch of operations on one key name —
 * settlements first (they free capacity), then admissions in arrival order — so replicas never race between
 * reading a counter and raising it, and a busy replica pays one round trip per key name and event-loop turn
 * rather than two per request. The arithmetic is MemoryLimitStore's, step for step. Time is Redis's own
 * (`TIME`), so replicas with skewed clocks still share one window.
 *
 * Keys, all under one `{name}` hash tag (one Cluster slot per key name):
 *   KEYS[1] window hash: o (oldest bucket counted), n (newest written), r / k (requests / tokens in the
 *           window), r<i> / k<i> (bucket i)
 *   KEYS[2] concurrency leases: sorted set, member = lease id, score = expiry (ms)
 *   KEYS[3] budget counter of the current period
 * ARGV: bucket ms, buckets in the window, then one argument per operation, its values joined by commas
 * (one argument rather than nine: encoding arguments is most of a client's cost per command):
 *   admission:  1,rpm,tpm,reserve,max concurrent,lease id,lease ttl ms,budget,budget ttl ms
 *               (0 for a limit the key does not have)
 *   settlement: 2,bucket,token delta,lease id ('' for none),1 if the budget is adjusted
 * Reply: 8 integers per admission, in order: reason (0 = admitted), now, bucket, requests, tokens, reset ms,
 * retry-after ms, budget used.
 */
export const BATCH_SCRIPT = `
local g = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
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
local ops = {}
for i = 3, #ARGV do
  local f = {}
  for v in string.gmatch(ARGV[i] .. ',', '([^,]*),') do f[#f + 1] = v end
  ops[#ops + 1] = f
end
for _, f in ipairs(ops) do
  if f[1] == '2' then
    local d = tonumber(f[3])
    if d ~= 0 and redis.call('HEXISTS', w, 'r' .. f[2]) == 1 then
      redis.call('HINCRBY', w, 'k' .. f[2], d)
      k = k + d
    end
    if f[4] ~= '' then redis.call('ZREM', KEYS[2], f[4]) end
    if f[5] == '1' and d ~= 0 and redis.call('EXISTS', KEYS[3]) == 1 then
      redis.call('INCRBY', KEYS[3], d)
    end
  end
end
local out = {}
local added_r = 0
local added_k = 0
local function freed_after(field, need)
  local freed = 0
  for i = o, n do
    local v = tonumber(redis.call('HGET', w, field .. i) or 0)
    if i == cur then
      if field == 'r' then v = v + added_r else v = v + added_k end
    end
    freed = freed + v
    if freed >= need then return (i + span) * g - now end
  end
  return span * g
end
local leases_swept = false
for _, f in ipairs(ops) do
  if f[1] == '1' then
    local rpm = tonumber(f[2])
    local tpm = tonumber(f[3])
    local reserve = tonumber(f[4])
    local maxc = tonumber(f[5])
    local budget = tonumber(f[8])
    local used = 0
    if budget > 0 then used = tonumber(redis.call('GET', KEYS[3]) or 0) end
    local reason = 0
    local retry = 0
    if maxc > 0 then
      if not leases_swept then
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
        leases_swept = true
      end
      if redis.call('ZCARD', KEYS[2]) >= maxc then reason = 1 retry = 1000 end
    end
    if reason == 0 and rpm > 0 and r + 1 > rpm then reason = 2 retry = freed_after('r', r + 1 - rpm) end
    if reason == 0 and tpm > 0 and reserve > tpm then reason = 4 end
    if reason == 0 and tpm > 0 and k + reserve > tpm then reason = 3 retry = freed_after('k', k + reserve - tpm) end
    if reason == 0 and budget > 0 and used + reserve > budget then reason = 5 end
    if reason == 0 then
      r = r + 1
      k = k + reserve
      added_r = added_r + 1
      added_k = added_k + reserve
      n = cur
      if maxc > 0 then redis.call('ZADD', KEYS[2], now + tonumber(f[7]), f[6]) end
      if budget > 0 then
        used = redis.call('INCRBY', KEYS[3], reserve)
        if used == reserve then redis.call('PEXPIRE', KEYS[3], tonumber(f[9])) end
      end
      out[#out + 1] = 0
      out[#out + 1] = now
      out[#out + 1] = cur
      out[#out + 1] = r
      out[#out + 1] = k
      out[#out + 1] = (cur + span) * g - now
      out[#out + 1] = 0
      out[#out + 1] = used
    else
      local reset = 0
      if r > 0 then reset = (n + span) * g - now end
      out[#out + 1] = reason
      out[#out + 1] = now
      out[#out + 1] = cur
      out[#out + 1] = r
      out[#out + 1] = k
      out[#out + 1] = reset
      out[#out + 1] = retry
      out[#out + 1] = used
    end
    if maxc > 0 then redis.call('PEXPIRE', KEYS[2], tonumber(f[7])) end
  end
end
if added_r > 0 then
  redis.call('HINCRBY', w, 'r' .. cur, added_r)
  redis.call('HINCRBY', w, 'k' .. cur, added_k)
end
redis.call('HSET', w, 'o', o, 'n', n, 'r', r, 'k', k)
redis.call('PEXPIRE', w, (span + 1) * g)
return out
`;
