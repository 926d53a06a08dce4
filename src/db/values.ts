/**
 * Plain values → Neo4j values, for writes: the inverse of mapping.ts. Dates
 * arrive as ISO instants already normalised to UTC and are stored as UTC
 * DATETIMEs; locations become WGS-84 points (x = longitude, y = latitude);
 * whole numbers that Cypher must see as integers become Neo4j Integers.
 */
import neo4j, { type DateTime, type Integer, type Point } from "neo4j-driver";

const WGS84 = 4326;

export function utcDateTime(iso: string): DateTime<Integer> {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date-time: ${iso}`);
  return new neo4j.types.DateTime(
    neo4j.int(date.getUTCFullYear()),
    neo4j.int(date.getUTCMonth() + 1),
    neo4j.int(date.getUTCDate()),
    neo4j.int(date.getUTCHours()),
    neo4j.int(date.getUTCMinutes()),
    neo4j.int(date.getUTCSeconds()),
    neo4j.int(date.getUTCMilliseconds() * 1_000_000),
    neo4j.int(0),
  );
}

export function geoPoint(location: { latitude: number; longitude: number }): Point<Integer> {
  return new neo4j.types.Point(neo4j.int(WGS84), location.longitude, location.latitude);
}

export function integer(value: number): Integer {
  return neo4j.int(value);
}
