/** Removes a benchmark's workspace, in batches so that a large one fits in memory. */
import type { Driver } from "neo4j-driver";

export async function wipeWorkspace(driver: Driver, database: string | undefined, workspace: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run("MATCH (n {workspace: $workspace}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", { workspace });
  } finally {
    await session.close();
  }
}
