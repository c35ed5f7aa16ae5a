-- Who still has to route a conversation's acknowledged customer messages (issue 14: a node that dies
-- after the ack must not leave the message unanswered). conversation-append.lua records each customer
-- message in this hash (field: its seq; value: how often another node took it over) together with a
-- lease for the node that acknowledged it, and removes it with the router's first event for it. This
-- script does the rest; a node renews the lease while it routes, so only a dead node's lease runs out.
-- KEYS: 1 the conversation's routing hash (fields: <seq>..., 'lease' epoch ms, 'node')
-- ARGV: 1 operation, 2 now in epoch ms, 3 the lease's new end in epoch ms, 4 this node,
--       5 the routed seq (done) or the most take-overs of one message (claim)
--   done:  message ARGV[5] was routed without an event of its own (a silent outcome); returns {1}
--   renew: this node still routes here; the lease runs to at least ARGV[3]; returns {1}
--   claim: take the conversation over if messages wait and the lease has run out. Returns {0} when
--          nothing waits, {1, lease} while a live node holds it, or {2, previous node, seq, ...}:
--          the waiting messages in seq order, a message taken over more than ARGV[5] times as -seq
--          (given up: it is removed, so one message that breaks the router cannot loop forever)
local op = ARGV[1]
if op == 'done' then
  redis.call('HDEL', KEYS[1], ARGV[5])
  return {1}
end
if op == 'renew' then
  if redis.call('HLEN', KEYS[1]) > 2 and tonumber(redis.call('HGET', KEYS[1], 'lease') or '0') < tonumber(ARGV[3]) then
    redis.call('HSET', KEYS[1], 'lease', ARGV[3], 'node', ARGV[4])
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
if lease > tonumber(ARGV[2]) then return {1, lease} end
table.sort(waiting)
redis.call('HSET', KEYS[1], 'lease', ARGV[3], 'node', ARGV[4])
local taken = {2, node}
for _, seq in ipairs(waiting) do
  if redis.call('HINCRBY', KEYS[1], seq, 1) > tonumber(ARGV[5]) then
    redis.call('HDEL', KEYS[1], seq)
    taken[#taken + 1] = -seq
  else
    taken[#taken + 1] = seq
  end
end
return taken
