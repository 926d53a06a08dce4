/** The resolver map: one module per schema type (segments.ts holds the segment and snapshot types). */
import { apiKeyMutations, apiKeyQueries } from "./api-keys.js";
import { Company } from "./company.js";
import { Mutation, PromiseFields, Recorded } from "./mutation.js";
import { DerivedIds, Node, node } from "./node.js";
import { Person } from "./person.js";
import { promises } from "./promises.js";
import { Query } from "./query.js";
import { DateScalar, DateTimeScalar } from "./scalars.js";
import { SearchResult } from "./search.js";
import { Segment, segmentQueries, Snapshot } from "./segments.js";
import { Content, Topic } from "./topic.js";
import { trackingQueries } from "./tracking.js";
import { SegmentWebhooks, Webhook } from "./webhooks.js";
import { viewer } from "./viewer.js";

export const resolvers = {
  Query: { ...Query, node, viewer, promises, ...segmentQueries, ...apiKeyQueries, ...trackingQueries },
  Mutation: { ...Mutation, ...apiKeyMutations },
  Person, Company, Topic, Content, SearchResult, Segment: { ...Segment, ...SegmentWebhooks }, Snapshot, Webhook: { ...Webhook, ...Recorded },
  Node, ...DerivedIds,
  Connection: { ...Recorded, ...DerivedIds.Connection }, Engagement: { ...Recorded, ...DerivedIds.Engagement }, Concern: Recorded, CompanyEvent: Recorded, Promise: PromiseFields,
  Date: DateScalar, DateTime: DateTimeScalar,
};
