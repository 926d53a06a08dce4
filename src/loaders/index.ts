/**
 * The per-request loaders. A new set is made for every request, so nothing is
 * cached across requests or shared between viewers. Loaders whose query takes
 * arguments (a limit, a status) are made once per distinct argument set.
 */
import neo4j from "neo4j-driver";
import DataLoader from "dataloader";
import type { PersonItem } from "../db/rows.js";
import type { Db } from "../db/run.js";
import { strongestPaths, type IntroductionPath } from "../filters/statements.js";
import { manyByKey, oneByKey } from "./keyed.js";

export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(db: Db, workspace: string) {
  const perArgs = memoizeByArgs();
  // A person found one way is known the other way too: the viewer, found by
  // email, costs no second round trip when a filter checks it by id.
  const personById: DataLoader<string, PersonItem | null> = oneByKey(db, workspace, "person/by-ids", {}, (person) => {
    if (person.email !== null) personByEmail.prime(person.email, person);
  });
  const personByEmail: DataLoader<string, PersonItem | null> = oneByKey(db, workspace, "person/by-emails", {}, (person) => personById.prime(person.id, person));
  return {
    personById,
    personByEmail,
    personByProfile: oneByKey(db, workspace, "person/by-profiles"),
    companyById: oneByKey(db, workspace, "company/by-ids"),
    companyByDomain: oneByKey(db, workspace, "company/by-domains"),
    topicByName: oneByKey(db, workspace, "topic/by-names"),
    topicById: oneByKey(db, workspace, "topic/by-ids"),
    segmentById: oneByKey(db, workspace, "segment/by-ids"),
    snapshotById: oneByKey(db, workspace, "segment/snapshot-by-ids"),
    snapshotsOfSegment: manyByKey(db, workspace, "segment/snapshots"),
    employmentOfPerson: oneByKey(db, workspace, "person/employment"),
    interestsOfPerson: manyByKey(db, workspace, "person/interests"),
    teamConnectionsOfPerson: manyByKey(db, workspace, "person/team-connections"),
    broaderTopics: manyByKey(db, workspace, "topic/broader"),
    narrowerTopics: manyByKey(db, workspace, "topic/narrower"),
    topicFamily: manyByKey(db, workspace, "topic/family"),
    topicsOfContent: manyByKey(db, workspace, "content/topics"),
    engagementsOfPerson: (limit: number) =>
      perArgs(`engagements:${limit}`, () => manyByKey(db, workspace, "person/engagements", { limit: neo4j.int(limit) })),
    concernsOfPerson: (limit: number) =>
      perArgs(`concerns:${limit}`, () => manyByKey(db, workspace, "person/concerns", { limit: neo4j.int(limit) })),
    employeesOfCompany: (limit: number) =>
      perArgs(`employees:${limit}`, () => manyByKey(db, workspace, "company/employees", { limit: neo4j.int(limit) })),
    eventsOfCompany: (limit: number) =>
      perArgs(`events:${limit}`, () => manyByKey(db, workspace, "company/events", { limit: neo4j.int(limit) })),
    promisesToPerson: (status: string | null, limit: number) =>
      perArgs(`person-promises:${status}:${limit}`, () =>
        manyByKey(db, workspace, "person/promises", { status, limit: neo4j.int(limit) })),
    promisesToCompany: (status: string | null, limit: number) =>
      perArgs(`company-promises:${status}:${limit}`, () =>
        manyByKey(db, workspace, "company/promises", { status, limit: neo4j.int(limit) })),
    /** The strongest path from `from` to each person; its statement is compiled, for the hop bound. */
    strongestPathFrom: (from: string, maxHops: number) =>
      perArgs(`path:${from}:${maxHops}`, () =>
        new DataLoader<string, IntroductionPath | null>(async (keys) => {
          const rows = await db.read(strongestPaths(workspace, from, [...new Set(keys)], maxHops));
          const byKey = new Map(rows.map((row) => [row.key, row.item]));
          return keys.map((key) => byKey.get(key) ?? null);
        })),
  };
}

function memoizeByArgs() {
  const made = new Map<string, DataLoader<string, unknown>>();
  return <V>(signature: string, make: () => DataLoader<string, V>): DataLoader<string, V> => {
    let loader = made.get(signature) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = make();
      made.set(signature, loader as DataLoader<string, unknown>);
    }
    return loader;
  };
}
