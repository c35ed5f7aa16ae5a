-- Forgets a conversation in the index of conversations whose routing may need taking over, unless a
-- node has just put it back (a new message: its score lies ahead again); see conversation-routing.lua.
-- KEYS: 1 the index (sorted set: conversation id -> when to look, epoch ms)
-- ARGV: 1 conversation id, 2 now in epoch ms
local at = redis.call('ZSCORE', KEYS[1], ARGV[1])
if at and tonumber(at) <= tonumber(ARGV[2]) then redis.call('ZREM', KEYS[1], ARGV[1]) end
return 1
