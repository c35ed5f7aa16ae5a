-- The index of conversations whose routing may need taking over (see conversation-routing.lua).
-- Times are the Redis server's (TIME), like the leases: nodes whose clocks disagree still agree on
-- when a lease ran out. A sweeping node reads what is due with TIME and ZRANGEBYSCORE itself.
-- KEYS: 1 the index (sorted set: conversation id -> when to look, epoch ms)
-- ARGV: 1 operation
--   look:   ARGV 2 conversation id, 3 lease in ms: look at it when that lease would run out; returns 1
--   forget: ARGV 2 conversation id: out of the index, unless a node has just put it back (a new
--           message: its time lies ahead again); returns 1
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local op = ARGV[1]
if op == 'look' then
  redis.call('ZADD', KEYS[1], string.format('%d', now + tonumber(ARGV[3])), ARGV[2])
  return 1
end
local at = redis.call('ZSCORE', KEYS[1], ARGV[2])
if at and tonumber(at) <= now then redis.call('ZREM', KEYS[1], ARGV[2]) end
return 1
