-- Replaces a message's estimated token count with its exact count, once, and moves the conversation's total
-- by the difference. A message that was trimmed, cleared or already counted exactly is left alone.
-- KEYS: 1 metadata hash, 2 per-message token hash
-- ARGV: 1 message id, 2 exact count
-- Returns 1 when the count was applied, 0 when there was nothing to apply.
local stored = redis.call('HGET', KEYS[2], ARGV[1])
if not stored or string.sub(stored, 1, 1) ~= 'e' then
  return 0
end
local estimate = tonumber(string.sub(stored, 2))
local exact = tonumber(ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[1], 'tokens', string.format('%d', exact - estimate))
redis.call('HINCRBY', KEYS[1], 'estimated', -1)
return 1
