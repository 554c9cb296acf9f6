import type { Redis } from 'ioredis';

// A sorted set per chat of planned send times, so that a message scheduled for later does not hold back
// one for now (a single "next free time" value would). Redis TIME gives every producer the same clock.
// The job id is the member: enqueueing the same id again gets the same slot instead of a new one.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[3])
local existing = redis.call('ZSCORE', KEYS[1], ARGV[1])
if existing then
  return math.max(0, tonumber(existing) - now)
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - interval)
local at = now + tonumber(ARGV[2])
local taken = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (at - interval), '+inf', 'WITHSCORES')
for i = 2, #taken, 2 do
  local s = tonumber(taken[i])
  if s >= at + interval then break end
  if s > at - interval then at = s + interval end
end
redis.call('ZADD', KEYS[1], at, ARGV[1])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIRE', KEYS[1], tonumber(last[2]) - now + interval)
return at - now
`;

/**
 * Reserves the first time at or after `delayMs` from now that is `intervalMs` away from every other
 * message planned for the same chat; returns the delay (ms) to give the job.
 */
export async function reservePacingSlot(
  redis: Redis,
  key: string,
  jobId: string,
  delayMs: number,
  intervalMs: number,
): Promise<number> {
  const reply = await redis.eval(RESERVE, 1, key, jobId, Math.round(delayMs), Math.round(intervalMs));
  if (typeof reply !== 'number') throw new Error(`unexpected pacing reply: ${JSON.stringify(reply)}`);
  return reply;
}
