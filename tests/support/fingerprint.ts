/**
 * A workspace's whole graph as one string — every node's labels and
 * properties and every relationship's type, end and properties, in a stable
 * order — so a test can show that requests changed nothing at all.
 */
import type { Driver } from "neo4j-driver";
import { toPlain, type Plain } from "../../src/db/mapping.js";
import { testTarget } from "./db.js";

export async function fingerprint(driver: Driver, workspace: string): Promise<string> {
  const result = await driver.executeQuery(
    `MATCH (n {workspace: $workspace})
     RETURN labels(n) AS labels, properties(n) AS props,
            [(n)-[r]->(m) | {type: type(r), to: coalesce(m.id, m.key), props: properties(r)}] AS out
     ORDER BY coalesce(n.id, n.key, n.hash)`,
    { workspace },
    { database: testTarget().database },
  );
  return JSON.stringify(result.records.map((record) => {
    const out = (toPlain(record.get("out")) as Plain[]).map((r) => JSON.stringify(r)).sort();
    return [toPlain(record.get("labels")), toPlain(record.get("props")), out];
  }));
}

/** Nodes and relationships of a workspace: the figures a test reports when a fingerprint differs. */
export async function counts(driver: Driver, workspace: string): Promise<{ nodes: number; relationships: number }> {
  const result = await driver.executeQuery(
    "MATCH (n {workspace: $workspace}) RETURN count(n) AS nodes, COUNT { (n {workspace: $workspace})-[]->() } AS relationships",
    { workspace },
    { database: testTarget().database },
  );
  const record = result.records[0]!;
  return { nodes: Number(record.get("nodes")), relationships: Number(record.get("relationships")) };
}
