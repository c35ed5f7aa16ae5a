-- Counts the answers marked unhelpful in the router's memory, each answer once, in one step: a
-- thumbs-down counts, the same answer's thumbs-up takes it back. Renews the TTL.
-- KEYS: 1 the routing hash of the conversation
-- ARGV: 1 the answer's seq, 2 '0' for unhelpful or '1' for helpful, 3 retention in ms
-- Returns the number of answers marked unhelpful since the last handover
local field = 'u:' .. ARGV[1]
if ARGV[2] == '0' then
  if redis.call('HSETNX', KEYS[1], field, '1') == 1 then redis.call('HINCRBY', KEYS[1], 'unhelpful', 1) end
elseif redis.call('HDEL', KEYS[1], field) == 1 and tonumber(redis.call('HGET', KEYS[1], 'unhelpful') or '0') > 0 then
  redis.call('HINCRBY', KEYS[1], 'unhelpful', -1)
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return tonumber(redis.call('HGET', KEYS[1], 'unhelpful') or '0')
