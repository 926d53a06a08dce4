/** The resolver map: one module per schema type (segments.ts holds the segment and snapshot types). */
import { Company } from "./company.js";
import { Person } from "./person.js";
import { Query } from "./query.js";
import { DateScalar, DateTimeScalar } from "./scalars.js";
import { SearchResult } from "./search.js";
import { Segment, segmentMutations, segmentQueries, Snapshot } from "./segments.js";
import { Content, Topic } from "./topic.js";
import { viewer } from "./viewer.js";

export const resolvers = {
  Query: { ...Query, viewer, ...segmentQueries },
  Mutation: { ...segmentMutations },
  Person, Company, Topic, Content, SearchResult, Segment, Snapshot,
  Date: DateScalar, DateTime: DateTimeScalar,
};
