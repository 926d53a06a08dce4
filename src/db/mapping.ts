/**
 * Records → plain objects. The only place that converts Neo4j values:
 * - Integer → number. Counts, sizes and amounts in this domain fit in 2^53;
 *   a value that does not is an error rather than a silent loss of precision.
 * - DateTime → ISO 8601 instant string in UTC (the model stores UTC instants),
 *   with millisecond precision; Date → YYYY-MM-DD.
 * - Point → { latitude, longitude } (WGS-84: latitude is y, longitude is x).
 * - Node / Relationship → their properties.
 */
import neo4j, { isDate, isDateTime, isInt, isNode, isPoint, isRelationship, type DateTime, type Integer, type Record as Neo4jRecord } from "neo4j-driver";

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
  if (isDateTime(value)) return instant(value);
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

/**
 * The instant a DateTime stands for, as toStandardDate().toISOString() gives
 * it, computed with numbers: the driver does that arithmetic on Integer
 * objects, about 3 µs a value against 0.6, and an answer of 20 prospects
 * holds some 150 of them. A DateTime with a zone name but no offset, or in
 * the years 0–99 (which Date.UTC reads as 1900–1999), is left to the driver.
 */
function instant(value: DateTime): string {
  const year = numberOf(value.year);
  if (value.timeZoneOffsetSeconds === undefined || (year >= 0 && year < 100)) return value.toStandardDate().toISOString();
  const local = Date.UTC(year, numberOf(value.month) - 1, numberOf(value.day), numberOf(value.hour), numberOf(value.minute), numberOf(value.second));
  return new Date(local - numberOf(value.timeZoneOffsetSeconds) * 1000 + Math.floor(numberOf(value.nanosecond) / 1e6)).toISOString();
}

/** A temporal field: a number, or an Integer that always fits one. */
function numberOf(field: number | bigint | Integer): number {
  return typeof field === "object" ? field.toNumber() : Number(field);
}
