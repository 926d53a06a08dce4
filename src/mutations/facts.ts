/**
 * Facts about people and companies: recordEngagement, recordConcern,
 * recordCompanyEvent and setRelationshipLevel. Each fact is merged on its
 * natural key (the graph document's: docs/graph-document.md), so recording
 * it again — or importing it — finds the same fact. Properties not given are
 * left as they were (`defined`), as in an import.
 */
import { z } from "zod";
import { concernKey, eventKey } from "../graph-document/normalize.js";
import {
  CONCERN_LEVELS, CONCERN_SOURCES, ENGAGEMENT_ACTIONS, EVENT_TYPES, FUNDING_STAGES, RELATIONSHIP_LEVELS, ConcernRecord, EventRecord,
} from "../graph-document/schema.js";
import { integer, utcDateTime } from "../db/values.js";
import { concernBound, engagementBound, eventBound } from "../scoring.js";
import { defined } from "../graph-document/import-steps.js";
import { id, name, pastInstant, statement, url } from "./inputs.js";
import { mutation } from "./run-mutation.js";

export const recordEngagement = mutation({
  name: "recordEngagement",
  input: z.object({ person: id, content: url, action: z.enum(ENGAGEMENT_ACTIONS), at: pastInstant }),
  references: ({ person, content }) => ({ people: [person], contents: [content] }),
  write: ({ person, content, action, at }, tx) => tx.item("mutation/record-engagement", { person, content, action, at: utcDateTime(at), bound: engagementBound(action, at) }),
});

export const recordConcern = mutation({
  name: "recordConcern",
  input: z.object({
    person: id, topic: name, statement, at: pastInstant,
    source: z.enum(CONCERN_SOURCES).optional(), severity: ConcernRecord.shape.severity, level: z.enum(CONCERN_LEVELS).optional(),
  }),
  references: ({ person, topic }) => ({ people: [person], topics: [topic] }),
  write(concern, tx) {
    const topic = tx.refs.topicKey(concern.topic);
    return tx.item("mutation/record-concern", {
      person: concern.person,
      topic,
      key: concernKey(tx.refs.personKey(concern.person), topic, concern.at, concern.statement),
      props: defined({
        text: concern.statement, expressedAt: utcDateTime(concern.at), source: concern.source,
        severity: concern.severity === undefined ? undefined : integer(concern.severity), level: concern.level,
      }),
      bound: concernBound(concern.severity, concern.at),
    });
  },
});

export const recordCompanyEvent = mutation({
  name: "recordCompanyEvent",
  input: z.object({ company: id, type: z.enum(EVENT_TYPES), stage: z.enum(FUNDING_STAGES).optional(), amountUsd: EventRecord.shape.amountUsd, at: pastInstant }),
  references: ({ company }) => ({ companies: [company] }),
  write(event, tx) {
    return tx.item("mutation/record-company-event", {
      company: event.company,
      key: eventKey(tx.refs.companyKey(event.company), event.type, event.at),
      props: defined({ type: event.type, stage: event.stage, amountUsd: event.amountUsd, occurredAt: utcDateTime(event.at) }),
      bound: eventBound(event.at),
    });
  },
});

export const setRelationshipLevel = mutation({
  name: "setRelationshipLevel",
  input: z.object({ company: id, level: z.enum(RELATIONSHIP_LEVELS) }),
  references: ({ company }) => ({ companies: [company] }),
  write: ({ company, level }, tx) => tx.item("mutation/set-relationship-level", { company, level }),
});
