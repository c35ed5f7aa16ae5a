-- Reads a conversation's meta hash and hashes other modules keep about it, in one round trip: the
-- router decides from all of them at once. The keys share the conversation's hash tag {c:id}.
-- KEYS: 1 meta hash, 2..n module hashes
-- Returns one flat field/value list per key, in KEYS order; {} when the conversation is unknown
local meta = redis.call('HGETALL', KEYS[1])
if #meta == 0 then return {} end
local hashes = {meta}
for i = 2, #KEYS do hashes[i] = redis.call('HGETALL', KEYS[i]) end
return hashes
