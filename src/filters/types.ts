/** The filter inputs of the API (schema.graphql's PersonWhere and CompanyWhere), as the resolvers receive them. */

export interface ConnectedToFilter {
  person?: string | null;
  /** From every user of the workspace at once, instead of one person. */
  team?: boolean | null;
  maxHops?: number | null;
  minStrength?: number | null;
}

export interface InterestFilter {
  topics: string[];
  minWeight?: number | null;
}

export interface EngagementFilter {
  topics?: string[] | null;
  contentKinds?: string[] | null;
  actions?: string[] | null;
  withinDays?: number | null;
  minCount?: number | null;
}

export interface ConcernFilter {
  topics?: string[] | null;
  withinDays?: number | null;
  minSeverity?: number | null;
  levels?: string[] | null;
  sources?: string[] | null;
}

export interface NearFilter {
  latitude?: number | null;
  longitude?: number | null;
  person?: string | null;
  radiusKm: number;
}

export interface EventFilter {
  types?: string[] | null;
  fundingStages?: string[] | null;
  withinDays?: number | null;
}

export interface PersonWhere {
  connectedTo?: ConnectedToFilter | null;
  interestedIn?: InterestFilter | null;
  engagedWith?: EngagementFilter | null;
  expressedConcern?: ConcernFilter | null;
  worksAt?: CompanyWhere | null;
  near?: NearFilter | null;
  titleContains?: string | null;
  changedJobWithinDays?: number | null;
  AND?: PersonWhere[] | null;
  OR?: PersonWhere[] | null;
  NOT?: PersonWhere | null;
}

export interface CompanyWhere {
  domains?: string[] | null;
  industries?: string[] | null;
  statuses?: string[] | null;
  relationshipLevels?: string[] | null;
  employeesMin?: number | null;
  employeesMax?: number | null;
  hadEvent?: EventFilter | null;
  employs?: PersonWhere | null;
  AND?: CompanyWhere[] | null;
  OR?: CompanyWhere[] | null;
  NOT?: CompanyWhere | null;
}
