-- Writes what the router remembers after one routed message, in one step, and renews the TTL.
-- KEYS: 1 the routing hash of the conversation
-- ARGV: 1 the question's field ('' when the message was no question), 2 the offered reply or '' for none,
--       3 '1' to replace the topic with ARGV[4], 4 the topic's tags, 5 '1' to restart the unhelpful count,
--       6 retention in ms
if ARGV[1] ~= '' then redis.call('HINCRBY', KEYS[1], ARGV[1], 1) end
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'offer', ARGV[2]) else redis.call('HDEL', KEYS[1], 'offer') end
if ARGV[3] == '1' then redis.call('HSET', KEYS[1], 'topic', ARGV[4]) end
if ARGV[5] == '1' then redis.call('HDEL', KEYS[1], 'unhelpful') end
redis.call('PEXPIRE', KEYS[1], ARGV[6])
return 1
