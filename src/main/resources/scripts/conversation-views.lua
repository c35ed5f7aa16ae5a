-- Registers a node as holding a live view (a customer or console socket) of one conversation, so
-- that the append script publishes the conversation's events to that node's own channel and no
-- other. A registration lapses unless renewed; lapsed ones go here, on the Redis server's clock
-- (node clocks may disagree), and the key goes with the last of them.
-- KEYS: 1 the conversation's view registry (sorted set: node -> when its registration lapses, epoch ms)
-- ARGV: 1 node, 2 how long the registration lasts in ms
-- Returns 1 when the node was not registered (new, or its registration had lapsed or was lost), else 0
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local added = redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIREAT', KEYS[1], last[2])
return added
