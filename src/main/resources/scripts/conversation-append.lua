-- Appends one event to a conversation's log atomically, so that several nodes writing the same
-- conversation at the same moment still get seq 1, 2, 3 ... with no gaps and no duplicates. A status
-- change moves the holder (queue, agent) in the same step: there is no moment in which a chat is
-- AGENT and held by nobody, and none in which it waits for one agent but anyone may take it.
-- KEYS: 1 meta hash, 2 log stream, 3 clientMsgId -> seq hash, 4 feedback hash, 5 routing hash,
--       6 view registry (conversation-views.lua: the nodes to publish to; its TTL is its own)
-- ARGV: 1 event JSON, 2 clientMsgId or '', 3 allowed statuses as ',BOT,QUEUED,' or '' for any,
--       4 idle retention in ms, 5 the node channels' prefix, 6 conversation id, 7 new status or '',
--       8 new holder's queue or '', 9 new holder's agent (for QUEUED: the one agent it is meant for) or '',
--       10 now in epoch ms (the app's clock), 11 the agent whose chat it must be now or '' for anyone
--       (held by them; while QUEUED: meant for them or for nobody in particular),
--       12 the events the log keeps (MAXLEN ~: Redis trims whole blocks, so at least that many),
--       13 a customer message's routing lease in ms or '' (it runs from the Redis server's TIME, as
--       in conversation-routing.lua), 14 the node that routes it,
--       15 the customer message's seq this event is the router's first answer to, or ''
-- Returns {code, seq, at}: 1 stored, 0 duplicate clientMsgId (seq of the original),
--        -1 unknown conversation, -2 status not allowed or held by another agent (3rd value: the current status),
--        -3 status and holder do not fit together (nothing written)
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {-1, 0, ''} end
if ARGV[2] ~= '' then
  local existing = redis.call('HGET', KEYS[3], ARGV[2])
  if existing then return {0, tonumber(existing), ''} end
end
if ARGV[3] ~= '' and not string.find(ARGV[3], ',' .. status .. ',', 1, true) then
  return {-2, 0, status}
end
if ARGV[11] and ARGV[11] ~= '' then
  local agent = redis.call('HGET', KEYS[1], 'agent')
  if agent ~= ARGV[11] and not (status == 'QUEUED' and (not agent or agent == '')) then return {-2, 0, status} end
end
if ARGV[7] ~= '' then
  local to, queue, agent = ARGV[7], ARGV[8], ARGV[9]
  local fits = (to == 'QUEUED' and queue ~= '') or (to == 'AGENT' and agent ~= '')
    or ((to == 'BOT' or to == 'CLOSED') and queue == '' and agent == '')
  if not fits then return {-3, 0, to} end
  redis.call('HSET', KEYS[1], 'status', to, 'queue', queue, 'agent', agent)
end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
local at = ARGV[10]
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[12], '0-' .. seq, 'at', at, 'data', ARGV[1])
if ARGV[2] ~= '' then redis.call('HSET', KEYS[3], ARGV[2], seq) end
-- Durable routing (conversation-routing.lua): a customer message is recorded as still to be routed,
-- under this node's lease, in the same step that stores it, and the router's first event for it
-- clears it in the step that stores that event. A node that dies between the two leaves the record.
if (ARGV[13] or '') ~= '' then
  local t = redis.call('TIME')
  local leaseEnd = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[13])
  redis.call('HSET', KEYS[5], seq, 0, 'lease', string.format('%d', leaseEnd), 'node', ARGV[14])
end
if (ARGV[15] or '') ~= '' then redis.call('HDEL', KEYS[5], ARGV[15]) end
redis.call('HSET', KEYS[1], 'lastActivity', at)
for i = 1, 5 do redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
local message = ARGV[6] .. ' e ' .. seq .. ' ' .. at .. ' ' .. ARGV[1]
for _, node in ipairs(redis.call('ZRANGE', KEYS[6], 0, -1)) do redis.call('PUBLISH', ARGV[5] .. node, message) end
return {1, seq, at}
