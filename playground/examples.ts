/**
 * The playground's ready operations: the canonical questions of the domain,
 * as the demo story answers them (seed/demo-story.ts), one tab each. The
 * first is what the browser test runs.
 */
export interface Example {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLES: Example[] = [
  {
    title: "1. Connections reading CRM white papers, worried about churn",
    query: `# Which of my connections read CRM white papers and voiced churn concerns in the last 90 days?
query ChurnWorriedCrmReaders($topic: String!, $days: Int!) {
  people(where: {
    connectedTo: { maxHops: 1 }
    engagedWith: { topics: ["CRM"], contentKinds: [WHITE_PAPER] }
    expressedConcern: { topics: [$topic], withinDays: $days }
  }) {
    totalCount
    edges { node { name title company { name } } }
  }
}`,
    variables: { topic: "Churn", days: 90 },
  },
  {
    title: "2. Companies where connections read CRM white papers",
    query: `# At what companies do I have connections who read white papers about CRM (narrower topics and aliases included)?
query CompaniesOfCrmReaders {
  companies(where: { employs: { connectedTo: {}, engagedWith: { topics: ["customer relationship management"], contentKinds: [WHITE_PAPER] } } }) {
    edges { node { name domain employees { name title } } }
  }
}`,
  },
  {
    title: "3. Connections nearby, interested in a topic",
    query: `# Which of my connections live within 25 km of me and are interested in a given topic?
query NearbyAndInterested($topic: String!, $km: Float!) {
  people(where: { connectedTo: {}, near: { radiusKm: $km }, interestedIn: { topics: [$topic] } }) {
    edges { node { name city interests { topic { name } weight } } }
  }
}`,
    variables: { topic: "Churn", km: 25 },
  },
  {
    title: "4. Series B in the last 60 days, and whom I know there",
    query: `# Which companies had a Series B funding round in the last 60 days, and whom do I know there?
query SeriesBWhereIKnowSomeone {
  companies(where: { hadEvent: { types: [FUNDING], fundingStages: [SERIES_B], withinDays: 60 }, employs: { connectedTo: {} } }) {
    edges { node { name events(first: 3) { type stage amountUsd occurredAt } employees { name title connectionToViewer(maxHops: 1) { score } } } }
  }
}`,
  },
  {
    title: "5. Best introductions, to a person or anyone at a company",
    query: `# Who is my best path of introductions to a given person (or anyone at a given company), within 3 hops,
# ranked by the product of connection strengths? (introductionPaths(to:, toCompany:) lists several, by id.)
query Introductions($email: String!, $domain: String!) {
  person(email: $email) { name connectionToViewer(maxHops: 3) { score strengths people { name } } }
  company(domain: $domain) { name employees { name connectionToViewer(maxHops: 3) { score people { name } } } }
}`,
    variables: { email: "julien.tremblay@sunmesa.example", domain: "sunmesa.example" },
  },
  {
    title: "6. The pre-call brief",
    query: `# For one contact: everything a rep should know before the call.
query Brief($email: String!) {
  person(email: $email) {
    name title
    company { name status relationshipLevel events(first: 5) { type stage occurredAt } promises(status: OPEN) { text dueAt } }
    interests { weight topic { name } }
    engagements(first: 10) { action at content { title kind } }
    concerns(first: 10) { text expressedAt severity source topic { name } }
    promises(status: OPEN) { text dueAt }
    connectionToViewer(maxHops: 3) { score people { name } strengths }
  }
}`,
    variables: { email: "priya.raman@lumorahealth.example" },
  },
  {
    title: "7. Who on the team knows this person, on what evidence",
    query: `# Who on my team knows this person best, and on what evidence (emails both ways, meetings, how recently)?
query WhoKnows($email: String!) {
  person(email: $email) {
    name
    teamConnections { colleague { name } strength evidence { emailsSent emailsReceived meetings summary } }
    interactions(first: 5) { edges { node { kind direction at colleague { name } } } }
  }
}`,
    variables: { email: "priya.raman@lumorahealth.example" },
  },
  {
    title: "Prospects, ranked with the evidence",
    query: `# Whom to call this week, and why: people two hops out who voiced churn concerns, ranked.
query Prospects {
  prospects(where: { connectedTo: { maxHops: 2 }, expressedConcern: { topics: ["Churn"], withinDays: 90 } }, first: 10) {
    edges { score node { name title company { name } } reasons { summary weight } }
  }
}`,
  },
];
