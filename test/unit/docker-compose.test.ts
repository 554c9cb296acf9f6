import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const compose = z.object({
  services: z.object({
    redis: z.object({
      image: z.string(),
      command: z.array(z.string()),
      volumes: z.array(z.string()),
      healthcheck: z.object({ test: z.array(z.string()) }),
    }),
    app: z.object({
      build: z.unknown(),
      environment: z.record(z.string(), z.string()),
      depends_on: z.object({ redis: z.object({ condition: z.literal('service_healthy') }) }),
    }),
  }),
  volumes: z.record(z.string(), z.unknown().nullable()),
});

describe('docker-compose.yml', () => {
  const file = compose.parse(parse(readFileSync('docker-compose.yml', 'utf8')));
  const redis = file.services.redis;
  const arg = (name: string): string | undefined => redis.command[redis.command.indexOf(name) + 1];

  it('runs Redis 7 with AOF every second, a memory cap and no eviction', () => {
    expect(redis.image).toMatch(/^redis:7/);
    expect(redis.command[0]).toBe('redis-server');
    expect(arg('--appendonly')).toBe('yes');
    expect(arg('--appendfsync')).toBe('everysec');
    expect(redis.command).toContain('--maxmemory');
    // as the private redis-server of `npm start`: BullMQ job hashes keep the compact encoding
    expect(arg('--hash-max-listpack-value')).toBe('256');
    expect(arg('--maxmemory')).toMatch(/^\d+(kb|mb|gb)$/i);
    expect(arg('--maxmemory-policy')).toBe('noeviction');
  });

  it('keeps Redis data on a named volume and checks its health', () => {
    const volume = redis.volumes.find((v) => v.endsWith(':/data'));
    expect(volume).toBeDefined();
    expect(Object.keys(file.volumes)).toContain(volume!.split(':')[0]);
    expect(redis.healthcheck.test.join(' ')).toContain('redis-cli ping');
  });

  it('builds the app from the Dockerfile and starts it only once Redis is healthy', () => {
    expect(file.services.app.build).toBe('.');
    expect(readFileSync('Dockerfile', 'utf8')).toMatch(/npm ci/);
    expect(file.services.app.environment.REDIS_URL).toBe('redis://redis:6379');
  });
});
