/**
 * JSON merge patch (RFC 7396): objects merge key by key, anything else (lists included) replaces,
 * and `null` removes an optional field. The merged whole is then validated with the full schema.
 */
export function mergePatch<T>(target: T, patch: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(target as Record<string, unknown>) }
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    if (value === null) delete out[key]
    else if (isPlainObject(value) && isPlainObject(out[key])) out[key] = mergePatch(out[key], value)
    else out[key] = value
  }
  return out as T
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
