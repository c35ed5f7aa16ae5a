-- Who still has to route a conversation's acknowledged customer messages (issue 14: a node that dies
-- after the ack must not leave the message unanswered). conversation-append.lua records each customer
-- message in this hash (field: its seq; value: how often another node took it over) together with a
-- lease for the node that acknowledged it, and removes it with the router's first event for it. This
-- script does the rest; a node renews the lease while it routes, so only a dead node's lease runs out.
-- Lease times are the Redis server's (TIME), never a node's clock: a node whose clock runs ahead
-- must not see a live node's lease as run out and answer its message a second time.
-- KEYS: 1 the conversation's routing hash (fields: <seq>..., 'lease' epoch ms, 'node')
-- ARGV: 1 operation, 2 the lease in ms, 3 this node,
--       4 the routed seq (done) or the most take-overs of one message (claim)
--   done:  message ARGV[4] was routed without an event of its own (a silent outcome); returns {1}
--   renew: this node still routes here; the lease runs at least ARGV[2] from now; returns {1}
--   claim: take the conversation over if messages wait and the lease has run out. Returns {0} when
--          nothing waits, {1, lease end} while a live node holds it, or {2, previous node, seq, ...}:
--          the waiting messages in seq order, a message taken over more than ARGV[4] times as -seq
--          (given up: it is removed, so one message that breaks the router cannot loop forever)
local op = ARGV[1]
if op == 'done' then
  redis.call('HDEL', KEYS[1], ARGV[4])
  return {1}
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local leaseEnd = string.format('%d', now + tonumber(ARGV[2]))
if op == 'renew' then
  if redis.call('HLEN', KEYS[1]) > 2 and tonumber(redis.call('HGET', KEYS[1], 'lease') or '0') < tonumber(leaseEnd) then
    redis.call('HSET', KEYS[1], 'lease', leaseEnd, 'node', ARGV[3])
  end
  return {1}
end
local fields = redis.call('HGETALL', KEYS[1])
local lease, node, waiting = 0, '', {}
for i = 1, #fields, 2 do
  local f = fields[i]
  if f == 'lease' then lease = tonumber(fields[i + 1])
  elseif f == 'node' then node = fields[i + 1]
  else waiting[#waiting + 1] = tonumber(f) end
end
if #waiting == 0 then return {0} end
if lease > now then return {1, lease} end
table.sort(waiting)
redis.call('HSET', KEYS[1], 'lease', leaseEnd, 'node', ARGV[3])
local taken = {2, node}
for _, seq in ipairs(waiting) do
  if redis.call('HINCRBY', KEYS[1], seq, 1) > tonumber(ARGV[4]) then
    redis.call('HDEL', KEYS[1], seq)
    taken[#taken + 1] = -seq
  else
    taken[#taken + 1] = seq
  end
end
return taken
