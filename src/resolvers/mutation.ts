/** The Mutation root (each field one mutation from src/mutations) and the fields of what mutations return. */
import type { RequestContext } from "../context.js";
import type { Item } from "../db/rows.js";
import { recordCompanyEvent, recordConcern, recordEngagement, setRelationshipLevel } from "../mutations/facts.js";
import { forgetPerson } from "../mutations/forget.js";
import { mergeCompanies, mergePeople } from "../mutations/merge.js";
import { connectPeople, disconnectPeople, recordInteraction, upsertCompany, upsertPerson } from "../mutations/people.js";
import { makePromise, setPromiseStatus } from "../mutations/promises.js";
import { deleteSegment, saveSegment, snapshotSegment, updateSegment } from "../mutations/segments.js";
import { upsertContent, upsertTopic } from "../mutations/topics.js";
import { setTrackingActions } from "../mutations/tracking.js";
import { createWebhook, deleteWebhook } from "../mutations/webhooks.js";

export const Mutation = {
  upsertPerson, upsertCompany, connectPeople, disconnectPeople, recordInteraction,
  recordEngagement, recordConcern, recordCompanyEvent, setRelationshipLevel, upsertTopic, upsertContent,
  makePromise, setPromiseStatus, forgetPerson, mergePeople, mergeCompanies,
  saveSegment, updateSegment, deleteSegment, snapshotSegment, setTrackingActions, createWebhook, deleteWebhook,
};

/** Who-fields hold an email; the API shows the Person with it, null when there is none (or for imported facts). */
function personByEmail(field: "recordedBy" | "statusChangedBy") {
  return (fact: Item, _: unknown, ctx: RequestContext) => {
    const email = fact[field];
    return typeof email === "string" ? ctx.loaders.personByEmail.load(email) : null;
  };
}

export const Recorded = { recordedBy: personByEmail("recordedBy") };
export const PromiseFields = { ...Recorded, statusChangedBy: personByEmail("statusChangedBy") };
