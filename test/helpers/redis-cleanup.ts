import type { Redis } from 'ioredis';

/** Deletes every key under a test's private prefix. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (found.length > 0) await redis.del(...found);
    cursor = next;
  } while (cursor !== '0');
}

/** Every key under `prefix` whose name or value (a string, or a hash's fields) mentions `id`. */
export async function keysNaming(redis: Redis, prefix: string, id: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    for (const key of batch) {
      const type = await redis.type(key);
      const value =
        type === 'string'
          ? ((await redis.get(key)) ?? '')
          : type === 'hash'
            ? (await redis.hvals(key)).join('\n')
            : '';
      if (key.includes(id) || value.includes(id)) found.push(key);
    }
  } while (cursor !== '0');
  return found;
}
