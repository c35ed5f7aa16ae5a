-- Writes one field of a conversation-owned hash and renews the idle retention of every key of the
-- conversation, so nothing of it outlives the rest.
-- KEYS: 1 meta hash, 2..n the other keys of the conversation; KEYS[ARGV[1]] is the hash to write
-- ARGV: 1 index of the hash in KEYS, 2 field, 3 value, 4 idle retention in ms
-- Returns 1, or -1 for an unknown conversation
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
redis.call('HSET', KEYS[tonumber(ARGV[1])], ARGV[2], ARGV[3])
for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
return 1
