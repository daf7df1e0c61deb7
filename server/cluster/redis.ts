import { Redis } from 'ioredis';
import { log } from '../log';

/**
 * A Redis connection for the cluster. Commands fail at once while it is disconnected instead of
 * queueing (enableOfflineQueue off): an announcement that cannot go now is worthless later — the
 * head check brings the rows — and a queue would grow without bound during an outage. It reconnects
 * by itself, every 0.2–2 s.
 */
export function connectRedis(url: string, role: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // Subscriptions are renewed by the cluster itself on every 'ready', also those made while down.
    autoResubscribe: false,
    connectTimeout: 5_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    connectionName: `werkplaats-${role}`,
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log.warn('Redis unreachable; instances relay through the database until it is back', {
      role,
      error: error.message,
    });
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log.info('Redis reachable again', { role });
  });
  return redis;
}

/** Whether a connection is up and usable now. */
export function isReady(redis: Redis): boolean {
  return redis.status === 'ready';
}
