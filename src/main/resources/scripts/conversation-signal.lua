-- Publishes a live signal that is not stored (typing, a reply's delta, its discard) to each node that
-- holds a view of the conversation, on that node's own channel (as the append script does for events).
-- KEYS: 1 the conversation's view registry (conversation-views.lua)
-- ARGV: 1 the node channels' prefix, 2 the message
for _, node in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  redis.call('PUBLISH', ARGV[1] .. node, ARGV[2])
end
return 0
