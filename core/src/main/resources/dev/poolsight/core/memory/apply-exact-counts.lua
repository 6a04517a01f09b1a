-- Replaces messages' estimated token counts with their exact counts, once each, and moves each conversation's total
-- by the difference: the counts the token counter's worker made together, for one conversation or several (on one
-- server, or in one cluster slot), applied in one call. A message that was trimmed, cleared or already counted
-- exactly is left alone. When a conversation's exact total is over the token limit, its oldest unpinned messages are
-- trimmed in the same step, never its newest message, so that the limit holds on exact counts.
-- KEYS: for the i-th message (from 0): 3i+1 metadata hash, 3i+2 per-message token hash, 3i+3 message list (only read
--       to trim)
-- ARGV: 1 max tokens (0 = no limit), then for the i-th message: 2i+2 message id, 2i+3 exact count
-- Returns, for each message in order, { 1, trimmed json... } when its count was applied, { 0 } when there was nothing
-- to apply.
-- The trimming reads ids and pinned flags as append.lua does (a script must stand alone to be loaded by SHA).
local maxTokens = tonumber(ARGV[1])

local function isPinned(json)
  local at = string.find(json, ',"pinned":', 1, true)
  return at ~= nil and string.sub(json, at + 10, at + 13) == 'true'
end

local function trim(meta, tokenHash, list, tokens, result)
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
end

local function apply(meta, tokenHash, list, id, exactText)
  local stored = redis.call('HGET', tokenHash, id)
  if not stored or string.sub(stored, 1, 1) ~= 'e' then
    return { 0 }
  end
  local estimate = tonumber(string.sub(stored, 2))
  local exact = tonumber(exactText)
  redis.call('HSET', tokenHash, id, exactText)
  local tokens = redis.call('HINCRBY', meta, 'tokens', string.format('%d', exact - estimate))
  redis.call('HINCRBY', meta, 'estimated', -1)
  local result = { 1 }
  if maxTokens > 0 and tokens > maxTokens then
    trim(meta, tokenHash, list, tokens, result)
  end
  return result
end

local results = {}
for i = 0, #KEYS / 3 - 1 do
  results[i + 1] = apply(KEYS[3 * i + 1], KEYS[3 * i + 2], KEYS[3 * i + 3], ARGV[2 * i + 2], ARGV[2 * i + 3])
end
return results
