-- Replaces a message's estimated token count with its exact count, once, and moves the conversation's total
-- by the difference. A message that was trimmed, cleared or already counted exactly is left alone. When the exact
-- total is over the token limit, the oldest unpinned messages are trimmed in the same step, never the newest
-- message of the conversation, so that the limit holds on exact counts.
-- KEYS: 1 metadata hash, 2 per-message token hash, 3 message list (only read to trim)
-- ARGV: 1 message id, 2 exact count, 3 max tokens (absent or 0 = no limit)
-- Returns { 1, trimmed json... } when the count was applied, { 0 } when there was nothing to apply.
-- The trimming reads ids and pinned flags as append.lua does (a script must stand alone to be loaded by SHA).
local meta, tokenHash, list = KEYS[1], KEYS[2], KEYS[3]
local stored = redis.call('HGET', tokenHash, ARGV[1])
if not stored or string.sub(stored, 1, 1) ~= 'e' then
  return { 0 }
end
local estimate = tonumber(string.sub(stored, 2))
local exact = tonumber(ARGV[2])
redis.call('HSET', tokenHash, ARGV[1], ARGV[2])
local tokens = redis.call('HINCRBY', meta, 'tokens', string.format('%d', exact - estimate))
redis.call('HINCRBY', meta, 'estimated', -1)

local result = { 1 }
local maxTokens = tonumber(ARGV[3]) or 0
if maxTokens == 0 or tokens <= maxTokens then
  return result
end
local function isPinned(json)
  local at = string.find(json, ',"pinned":', 1, true)
  return at ~= nil and string.sub(json, at + 10, at + 13) == 'true'
end
local count, trimmedEstimates = tonumber(redis.call('HGET', meta, 'count')), 0
local length = redis.call('LLEN', list)
local scan = 0
while tokens > maxTokens and scan < length - 1 do
  local json = redis.call('LINDEX', list, scan)
  if isPinned(json) then
    scan = scan + 1
  else
    if scan == 0 then
      redis.call('LPOP', list)
    else
      redis.call('LREM', list, 1, json)
    end
    length = length - 1
    local id = string.match(json, '^{"id":"([^"]*)"')
    local held = redis.call('HGET', tokenHash, id)
    if held then
      if string.sub(held, 1, 1) == 'e' then
        trimmedEstimates = trimmedEstimates + 1
        held = string.sub(held, 2)
      end
      tokens = tokens - tonumber(held)
      redis.call('HDEL', tokenHash, id)
    end
    count = count - 1
    result[#result + 1] = json
  end
end
if #result > 1 then
  redis.call('HSET', meta, 'count', string.format('%d', count), 'tokens', string.format('%d', tokens))
  redis.call('HINCRBY', meta, 'estimated', string.format('%d', -trimmedEstimates))
end
return result
