/** The resolver map: one module per schema type. */
import { Company } from "./company.js";
import { Mutation, PromiseFields, Recorded } from "./mutation.js";
import { Person } from "./person.js";
import { promises } from "./promises.js";
import { Query } from "./query.js";
import { DateScalar, DateTimeScalar } from "./scalars.js";
import { SearchResult } from "./search.js";
import { Content, Topic } from "./topic.js";
import { viewer } from "./viewer.js";

export const resolvers = {
  Query: { ...Query, viewer, promises }, Mutation, Person,
  Connection: Recorded, Engagement: Recorded, Concern: Recorded, CompanyEvent: Recorded, Promise: PromiseFields, Company, Topic, Content, SearchResult, Date: DateScalar, DateTime: DateTimeScalar,
};
