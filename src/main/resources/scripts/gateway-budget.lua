-- A token bucket in one step: the message budget of a conversation, taken on every customer message, in
-- one round trip (Bucket4j's compare-and-set takes a GET and an EVAL of its whole script text). The same
-- budget as Bucket4j's greedy refill: up to the burst at once, refilled continuously at tokens/period.
-- Times are the app's clock (the tests move it); a bucket never refills backwards when a node's clock does.
-- KEYS: 1 the bucket (hash: tokens, at)
-- ARGV: 1 burst, 2 tokens per period, 3 period in ms, 4 now in epoch ms, 5 tokens to take (-1 gives one back)
-- Returns 1 taken (or given back), 0 refused (nothing written). The key expires once the bucket would be
-- full again, plus 10 s, as Bucket4j's keys do.
local burst, refill, period = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local now, cost = tonumber(ARGV[4]), tonumber(ARGV[5])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens, at = tonumber(state[1]) or burst, tonumber(state[2]) or now
if now > at then
  tokens = math.min(burst, tokens + (now - at) * refill / period)
  at = now
end
if cost > 0 and tokens < cost then return 0 end
tokens = math.min(burst, tokens - cost)
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%d', at))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * period / refill) + 10000)
return 1
