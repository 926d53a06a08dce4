/**
 * Records → plain objects. The only place that converts Neo4j values:
 * - Integer → number. Counts, sizes and amounts in this domain fit in 2^53;
 *   a value that does not is an error rather than a silent loss of precision.
 * - DateTime → ISO 8601 instant string in UTC (the model stores UTC instants);
 *   Date → YYYY-MM-DD.
 * - Point → { latitude, longitude } (WGS-84: latitude is y, longitude is x).
 * - Node / Relationship → their properties.
 */
import neo4j, { isDate, isDateTime, isInt, isNode, isPoint, isRelationship, type Record as Neo4jRecord } from "neo4j-driver";

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function recordToObject(record: Neo4jRecord): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const key of record.keys) out[String(key)] = toPlain(record.get(key));
  return out;
}

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  if (isInt(value)) {
    if (!neo4j.integer.inSafeRange(value)) throw new RangeError(`integer ${value.toString()} does not fit in a JavaScript number`);
    return value.toNumber();
  }
  if (isDateTime(value)) return value.toStandardDate().toISOString();
  if (isDate(value)) return value.toString();
  if (isPoint(value)) return { latitude: value.y, longitude: value.x };
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === "object") {
    const out: Record<string, Plain> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
    return out;
  }
  throw new TypeError(`unsupported Neo4j value of type ${typeof value}`);
}
