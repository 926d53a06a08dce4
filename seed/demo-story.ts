/**
 * The demo story: the graph a newcomer sees on first start. Maya Chen, an
 * account executive at OurCo in San Francisco, signs in; every canonical
 * question of docs/domain.md has a real answer for her, next to near misses that
 * a wrong query would let in. All dates are offsets from `now`, so the
 * answers below hold whenever the story is loaded. "My connections" means
 * Maya's direct connections (one hop) unless a question says otherwise;
 * "read" means any engagement, and every answer below also holds when only
 * READ counts.
 *
 * 1. Connections who read CRM white papers (CRM or narrower) and voiced a
 *    churn concern in the last 90 days:
 *      Priya Raman (Lumora Health): read The Renewal Playbook (CRM) 35 days
 *        ago; on a call 12 days ago said gross churn rose from 9% to 14%.
 *      Marcus Bell (Brightwell Logistics): read The Salesforce CRM Health
 *        Check 70 days ago; 30 days ago raised "attrition" (an alias of Churn).
 *      Elena Vasquez (Kestrel Analytics): read Moving to HubSpot CRM 100 days
 *        ago; in a survey 55 days ago said downgrades eat net retention.
 *    Excluded: Tom Okonkwo and Diego Santos read CRM white papers but voiced
 *    churn 120 and 130 days ago; Hannah Lindqvist voiced churn 20 days ago
 *    but read only a CRM blog post and a churn (not CRM) white paper; Grace
 *    Kim voiced churn 40 days ago but only attended a CRM webinar; Samuel
 *    Adeyemi read a Salesforce white paper but his recent concern is about
 *    Renewals, a sibling of Churn; Amara Osei, Gary Lin, Lauren Hughes and
 *    Dmitri Volkov would qualify but are two hops away. With CRM alone (no
 *    narrower topics) only Priya remains.
 *
 * 2. Companies where connections read CRM white papers, narrower topics and
 *    aliases included: Brightwell Logistics (Marcus, Salesforce CRM), Cobalt
 *    Ridge Robotics (Samuel, the Meridian paper tagged "SFDC"), Kestrel
 *    Analytics (Elena, HubSpot CRM), Lumora Health (Priya), Orchard Lane
 *    Retail (Diego, a paper tagged "customer relationship management") and
 *    Quillstone Insurance (Tom). Exact CRM only: Lumora, Orchard Lane and
 *    Quillstone. Excluded: Verdant Energy (a CRM blog post), Ledgerly (a CRM
 *    webinar), Harborline Bank (an analytics white paper), Fernway Software
 *    (a white paper on the broader Sales Technology), Tidepool Commerce and
 *    Sunmesa Telehealth (their readers are two hops away).
 *
 * 3. Connections living within 25 km of Maya and interested in Churn:
 *    Priya Raman (4.6 km), Grace Kim (6.1 km, by the alias "customer churn"),
 *    Marcus Bell (Oakland, 11.9 km) and Elena Vasquez (Berkeley, 14.9 km).
 *    Excluded: Ravi Iyer (Palo Alto, 45 km), Nate Fischer and Diego Santos
 *    (far away), Jasmine Wright, Jamal Carter and Rachel Adler (nearby but two
 *    hops away), Michael Tran (13 km, not interested in Churn). With CRM as
 *    the topic: Daniel Okafor and Priya Raman; with narrower topics also
 *    Elena Vasquez, Marcus Bell and Michael Tran.
 *
 * 4. Series B rounds in the last 60 days, and whom Maya knows there:
 *    Lumora Health ($48M, 21 days ago): Priya Raman, Michael Tran.
 *    Sunmesa Telehealth ($22M, 33 days ago): nobody directly (see 5).
 *    Kestrel Analytics ($30M, 44 days ago): Elena Vasquez and Leah Goldberg,
 *      who joined as VP Marketing 20 days ago.
 *    Excluded: Tidepool Commerce's Series B 88 days ago (Maya knows Nate
 *    Fischer there), Fernway's Series A 12 days ago, Cobalt Ridge's Series C
 *    30 days ago.
 *
 * 5. Best introductions within 3 hops, by the product of strengths:
 *    to Julien Tremblay (CEO, Sunmesa):
 *      0.544  Maya → Daniel Okafor (0.8) → Farah Haddad (0.85) → Julien (0.8)
 *      0.5355 Maya → Priya Raman (0.85) → Amara Osei (0.7) → Julien (0.9)
 *      0.364  Maya → Olivia Brennan (0.65) → Farah Haddad (0.7) → Julien (0.8)
 *      0.325  Maya → Olivia Brennan (0.65) → Julien (0.5), the best two-hop path
 *    Not offered: Maya → Tom Okonkwo → Isabel Costa → Henrik Sørensen →
 *    Julien (0.7716) is stronger but four hops long.
 *    to anyone at Sunmesa Telehealth: 0.595 Maya → Priya Raman → Amara Osei.
 *
 * 6. Before calling Priya Raman (VP Customer Success, Lumora Health, a
 *    prospect that sees us as a credible source):
 *    events in the last 90 days: Series B (21 days ago), expansion (9 days
 *      ago); the leadership change 200 days ago is older.
 *    interests: Churn, Customer Success, Renewals, CRM.
 *    engagements in the last 90 days: read The Renewal Playbook, attended
 *      Churn Signals Hiding in Your CRM, commented on Onboarding Is Your Best
 *      Churn Lever, shared the Brightwell case study (6 days ago); the State
 *      of Customer Success download 150 days ago is older.
 *    concerns in the last 90 days: Churn (12 days, severity 4), Renewals,
 *      Onboarding, Customer Success; a CRM complaint 200 days ago is older.
 *    open promises: crm-4398 introduce Hiro Tanaka (5 days overdue),
 *      crm-4411 churn benchmark (due in 3 days), and to Lumora crm-4425 pilot
 *      proposal (due in 14 days); crm-4217 was kept.
 *    connection: direct, strength 0.85, last spoke 12 days ago; mutual
 *      connections Daniel Okafor, Grace Kim and Michael Tran.
 */
import { storyClock } from "./demo-story/clock.js";
import { demoCompanies, demoCompanyEvents } from "./demo-story/companies.js";
import { demoConcerns } from "./demo-story/concerns.js";
import { demoConnections } from "./demo-story/connections.js";
import { demoContent } from "./demo-story/content.js";
import { demoEngagements } from "./demo-story/engagements.js";
import { demoInteractions } from "./demo-story/interactions.js";
import { demoPeople } from "./demo-story/people.js";
import { demoPromises } from "./demo-story/promises.js";
import { demoTopics } from "./demo-story/topics.js";

export const DEMO_WORKSPACE = "demo";
export const DEMO_USER_EMAIL = "maya.chen@ourco.example";

export function demoStory(now: Date) {
  const clock = storyClock(now);
  return {
    version: 1,
    topics: demoTopics(),
    companies: demoCompanies(),
    people: demoPeople(clock),
    content: demoContent(clock),
    connections: demoConnections(clock),
    engagements: demoEngagements(clock),
    concerns: demoConcerns(clock),
    events: demoCompanyEvents(clock),
    promises: demoPromises(clock),
    users: [{ email: DEMO_USER_EMAIL }],
    interactions: demoInteractions(clock),
  };
}
