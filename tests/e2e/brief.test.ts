/**
 * Canonical question 6, the pre-call brief: one query for everything a rep
 * should know before calling Priya Raman, checked against the answer written
 * in seed/demo-story.ts; how we are connected to someone further away, or to
 * no one; and maxHops out of range refused. (What such a query costs in round
 * trips is tests/integration/round-trips.test.ts's subject.)
 */
import { describe, expect, it } from "vitest";
import { demoStoryServer } from "../support/demo-server.js";
import { gql } from "../support/server.js";

const server = demoStoryServer("brief");

export const BRIEF = `query Brief($email: String!) {
  person(email: $email) {
    name title
    company { name status relationshipLevel events(first: 5) { type stage amountUsd occurredAt } promises(status: OPEN) { text dueAt } }
    interests { weight topic { name } }
    engagements(first: 10) { action at content { title kind } }
    concerns(first: 10) { text expressedAt severity source topic { name } }
    promises(status: OPEN) { text dueAt status }
    connectionToViewer(maxHops: 3) { hops strengths score people { name } }
  }
}`;

const within = (days: number) => (iso: string) => Date.now() - Date.parse(iso) <= days * 86_400_000;

describe("6. the pre-call brief", () => {
  it("tells everything a rep should know before calling Priya Raman", async () => {
    const { data, errors } = await gql(server.url, BRIEF, { email: "priya.raman@lumorahealth.example" });
    expect(errors).toBeUndefined();
    const priya = data!.person;
    expect(priya).toMatchObject({ name: "Priya Raman", title: "VP Customer Success" });
    expect(priya.company).toMatchObject({ name: "Lumora Health", status: "PROSPECT", relationshipLevel: "CREDIBLE_SOURCE" });

    const recentEvents = priya.company.events.filter((event: any) => within(90)(event.occurredAt));
    expect(recentEvents.map((event: any) => [event.type, event.stage])).toEqual([["EXPANSION", null], ["FUNDING", "SERIES_B"]]);
    expect(priya.company.events.map((event: any) => event.type)).toContain("LEADERSHIP_CHANGE");

    expect(priya.interests.map((interest: any) => interest.topic.name).sort()).toEqual(["CRM", "Churn", "Customer Success", "Renewals"]);

    const recentEngagements = priya.engagements.filter((engagement: any) => within(90)(engagement.at));
    expect(recentEngagements.map((engagement: any) => `${engagement.action} ${engagement.content.title}`).sort()).toEqual([
      "ATTENDED Churn Signals Hiding in Your CRM",
      "COMMENTED Onboarding Is Your Best Churn Lever",
      "READ The Renewal Playbook: Turning CRM Data into Retention",
      "SHARED How Brightwell Logistics Cut Onboarding Time by 40%",
    ]);
    expect(priya.engagements.length).toBeGreaterThan(recentEngagements.length);

    const recentConcerns = priya.concerns.filter((concern: any) => within(90)(concern.expressedAt));
    expect(recentConcerns.map((concern: any) => concern.topic.name).sort()).toEqual(["Churn", "Customer Success", "Onboarding", "Renewals"]);
    expect(recentConcerns.find((concern: any) => concern.topic.name === "Churn")).toMatchObject({ severity: 4, source: "CALL" });

    expect(priya.promises.map((promise: any) => promise.text)).toEqual([
      "Introduce her to Hiro Tanaka, our onboarding architect",
      "Send the churn benchmark for mid-market healthcare SaaS before her board prep",
    ]);
    expect(priya.company.promises.map((promise: any) => promise.text)).toContain("Deliver a 90-day pilot proposal sized for 40 seats");

    expect(priya.connectionToViewer).toEqual({ hops: 1, strengths: [0.85], score: 0.85, people: [{ name: "Maya Chen" }, { name: "Priya Raman" }] });
  });

  it("says how we are connected to someone three introductions away, and nothing for someone out of reach", async () => {
    const brief = async (email: string, maxHops: number) => {
      const { data, errors } = await gql(server.url, `query($email: String!, $maxHops: Int!) {
        person(email: $email) { connectionToViewer(maxHops: $maxHops) { score people { name } } }
      }`, { email, maxHops });
      expect(errors).toBeUndefined();
      return data!.person.connectionToViewer;
    };
    const julien = await brief("julien.tremblay@sunmesa.example", 3);
    expect(julien.people.map((person: any) => person.name)).toEqual(["Maya Chen", "Daniel Okafor", "Farah Haddad", "Julien Tremblay"]);
    expect(julien.score).toBeCloseTo(0.544, 6);
    expect(await brief("julien.tremblay@sunmesa.example", 1)).toBeNull();
    expect(await brief("maya.chen@ourco.example", 3)).toBeNull();
  });

  it("refuses maxHops outside 1 to 4", async () => {
    const { errors } = await gql(server.url, `{ person(email: "priya.raman@lumorahealth.example") { connectionToViewer(maxHops: 9) { hops } } }`);
    expect(errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });
});
