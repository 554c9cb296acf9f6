import type { z } from 'zod';
import type { Session } from '../core/state';

/**
 * A feature's own data in the session, under the feature's id, validated by the schema the feature
 * declares: data that no longer fits (an older shape) reads as none instead of failing the turn.
 */
export function readFeatureState<T>(session: Session, id: string, schema: z.ZodType<T>): T | undefined {
  const raw = session.features?.[id];
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** The session with this feature's data replaced (undefined removes it). */
export function writeFeatureState<T>(session: Session, id: string, value: T | undefined): Session {
  const { [id]: _old, ...others } = session.features ?? {};
  const features = value === undefined ? others : { ...others, [id]: value };
  const { features: _features, ...rest } = session;
  return Object.keys(features).length > 0 ? { ...rest, features } : rest;
}
