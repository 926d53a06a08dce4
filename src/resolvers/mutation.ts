/** The Mutation root (each field one mutation from src/mutations) and the fields of what mutations return. */
import type { RequestContext } from "../context.js";
import type { Item } from "../loaders/keyed.js";
import { recordCompanyEvent, recordConcern, recordEngagement, setRelationshipLevel } from "../mutations/facts.js";
import { connectPeople, disconnectPeople, recordInteraction, upsertCompany, upsertPerson } from "../mutations/people.js";
import { upsertContent, upsertTopic } from "../mutations/topics.js";

export const Mutation = {
  upsertPerson, upsertCompany, connectPeople, disconnectPeople, recordInteraction,
  recordEngagement, recordConcern, recordCompanyEvent, setRelationshipLevel, upsertTopic, upsertContent,
};

/** `recordedBy` holds an email; the API shows the Person with it, null when there is none (or for imported facts). */
function recordedBy(fact: Item, _: unknown, ctx: RequestContext) {
  return typeof fact.recordedBy === "string" ? ctx.loaders.personByEmail.load(fact.recordedBy) : null;
}

export const Recorded = { recordedBy };
