-- Remembers which action a conversation was offered or sent last, in one round trip (after every FAQ
-- answer that offers an action), and keeps it as long as the conversation.
-- KEYS: 1 the conversation's action hash
-- ARGV: 1 field ('offered' or 'sent'), 2 the action id, 3 retention in ms
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
