/**
 * Long lists come back in pieces, a record each.
 *
 * Bolt carries a message in chunks of at most 64 KiB. neo4j-driver (6.3)
 * reads a record that spans several chunks through a CombinedBuffer, which
 * finds the chunk of every byte it reads by walking the chunks from the
 * first: the longer the record, the dearer each of its bytes. The 22,082
 * people two connections from the generated 100k workspace's user, as one
 * list of [id, reach] pairs, took 46–50 ms to arrive and read; as records of
 * 250 pairs, 26 ms (the same statement on the same store, median of ten).
 *
 * So a statement that returns a list of everyone it found collects it, then
 * returns it LIST_PIECE entries a record:
 *
 *     WITH collect(person.id) AS ids, collect(...) AS evidence
 *     UNWIND range(0, size(ids) - 1, $piece) AS at_
 *     RETURN ids[at_..at_ + $piece] AS ids, evidence[at_..at_ + $piece] AS evidence
 *
 * and its reader joins the pieces with joinedPieces, which takes any number
 * of records (Neo4j's range(0, -1, n) is [0]: empty lists come as one record).
 */
import neo4j from "neo4j-driver";

/** Entries of a list a record: 250 pairs of a UUID and a number take about 12 KiB. */
export const LIST_PIECE = 250;

/** LIST_PIECE as the statements' `$piece` parameter. */
export const PIECE_PARAMETER = neo4j.int(LIST_PIECE);

/**
 * The pieces' lists joined, column by column, in the order of the records.
 * The lists of one record are the same entries' columns: a record whose
 * lists differ in length throws rather than pairing one entry's id with
 * another's value.
 */
export function joinedPieces<Row extends Record<string, unknown[]>, Name extends keyof Row & string>(pieces: readonly Row[], columns: readonly Name[]): Pick<Row, Name> {
  const joined = Object.fromEntries(columns.map((name) => [name, [] as unknown[]])) as Record<string, unknown[]>;
  for (const piece of pieces) {
    const length = piece[columns[0]!]!.length;
    for (const name of columns) {
      const list = piece[name]!;
      if (list.length !== length) throw new Error(`a record's lists differ in length: ${columns[0]} has ${length} entries, ${name} ${list.length}`);
      for (const entry of list) joined[name]!.push(entry);
    }
  }
  return joined as Pick<Row, Name>;
}
