/** The resolver map: one module per schema type. */
import { Company } from "./company.js";
import { Mutation, Recorded } from "./mutation.js";
import { Person } from "./person.js";
import { Query } from "./query.js";
import { DateScalar, DateTimeScalar } from "./scalars.js";
import { SearchResult } from "./search.js";
import { Content, Topic } from "./topic.js";
import { viewer } from "./viewer.js";

export const resolvers = {
  Query: { ...Query, viewer }, Mutation, Connection: Recorded, Engagement: Recorded, Concern: Recorded, CompanyEvent: Recorded, Person, Company, Topic, Content, SearchResult, Date: DateScalar, DateTime: DateTimeScalar,
};
