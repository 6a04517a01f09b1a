-- Appends messages to one conversation and keeps its metadata, limits and TTL in the same atomic step.
-- KEYS: 1 message list, 2 metadata hash, 3 per-message token hash (all under one hash tag)
-- ARGV: 1 ttl ms (0 = none), 2 max messages (0 = none), 3 max tokens (0 = none), 4 now (epoch ms),
--       5 number of messages n, then n groups of: id, json, tokens, estimated (1/0)
--       and, after the groups, an optional 'retry' when the client sends the append again because its connection
--       broke before the reply came
-- Returns: { message count, token count, estimated count, trimmed json... }, or { -1, i } and no change when the
-- i-th message (from 1) has an id the conversation holds already: ids are unique, so that counts never drift. A
-- retry whose ids are all held already is the first attempt, stored before the connection broke: it changes nothing
-- and returns the counts.
local list, meta, tokenHash = KEYS[1], KEYS[2], KEYS[3]
local ttl = tonumber(ARGV[1])
local maxMessages = tonumber(ARGV[2])
local maxTokens = tonumber(ARGV[3])
local now = ARGV[4]
local n = tonumber(ARGV[5])

local firstHeld = nil
local held = 0
for i = 0, n - 1 do
  if redis.call('HEXISTS', tokenHash, ARGV[6 + i * 4]) == 1 then
    held = held + 1
    firstHeld = firstHeld or i + 1
  end
end
if held > 0 then
  if held == n and ARGV[6 + n * 4] == 'retry' then
    local stored = redis.call('HMGET', meta, 'count', 'tokens', 'estimated')
    -- Written again unchanged, a write that goes to the replicas after the first attempt's: a WAIT on this new
    -- connection (REDIS_WAIT_REPLICAS) then covers the first attempt too, instead of returning at once.
    redis.call('HSET', meta, 'count', stored[1])
    return { tonumber(stored[1]), tonumber(stored[2]), tonumber(stored[3]) }
  end
  return { -1, firstHeld }
end

local state = redis.call('HMGET', meta, 'count', 'tokens', 'estimated')
local count = tonumber(state[1]) or 0
local tokens = tonumber(state[2]) or 0
local estimated = tonumber(state[3]) or 0

for i = 0, n - 1 do
  local at = 6 + i * 4
  local id, json, messageTokens, isEstimate = ARGV[at], ARGV[at + 1], tonumber(ARGV[at + 2]), ARGV[at + 3] == '1'
  redis.call('RPUSH', list, json)
  redis.call('HSET', tokenHash, id, (isEstimate and 'e' or '') .. messageTokens)
  count = count + 1
  tokens = tokens + messageTokens
  if isEstimate then estimated = estimated + 1 end
end

-- Trim the oldest messages that are neither pinned nor part of this append. A message's id and pinned flag are
-- read from its JSON by position rather than with cjson, which refuses the escaped lone surrogates that content may
-- hold and would decode the whole content only to read two fields. The id comes first and needs no escaping; the
-- first ',"pinned":' is the field itself, because a quote inside a string is always escaped.
local trimmed = {}
local scan = 0
local function isPinned(json)
  local at = string.find(json, ',"pinned":', 1, true)
  return at ~= nil and string.sub(json, at + 10, at + 13) == 'true'
end
local function overLimit()
  return (maxMessages > 0 and count > maxMessages) or (maxTokens > 0 and tokens > maxTokens)
end
while overLimit() and scan < count - n do
  local json = redis.call('LINDEX', list, scan)
  local id = string.match(json, '^{"id":"([^"]*)"')
  if isPinned(json) then
    scan = scan + 1
  else
    if scan == 0 then
      redis.call('LPOP', list)
    else
      redis.call('LREM', list, 1, json)
    end
    local stored = redis.call('HGET', tokenHash, id)
    if stored then
      if string.sub(stored, 1, 1) == 'e' then
        estimated = estimated - 1
        stored = string.sub(stored, 2)
      end
      tokens = tokens - tonumber(stored)
      redis.call('HDEL', tokenHash, id)
    end
    count = count - 1
    trimmed[#trimmed + 1] = json
  end
end

redis.call('HSET', meta, 'count', string.format('%d', count), 'tokens', string.format('%d', tokens),
  'estimated', string.format('%d', estimated), 'updated', now)
redis.call('HSETNX', meta, 'created', now)
if ttl > 0 then
  redis.call('PEXPIRE', list, ttl)
  redis.call('PEXPIRE', meta, ttl)
  redis.call('PEXPIRE', tokenHash, ttl)
end

local result = { count, tokens, estimated }
for i = 1, #trimmed do
  result[#result + 1] = trimmed[i]
end
return result
