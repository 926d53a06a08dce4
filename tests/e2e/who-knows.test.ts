/**
 * Canonical question 7 on the demo story: who on the team knows Priya Raman,
 * and on what evidence — the playground's example, checked against the
 * interactions written in seed/demo-story/interactions.ts; and a contact who
 * never answered keeps the strength set by hand, with the evidence saying so.
 */
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../../playground/examples.js";
import { demoStoryServer } from "../support/demo-server.js";
import { gql } from "../support/server.js";

const server = demoStoryServer("who-knows");
const example = EXAMPLES.find((e) => e.title.startsWith("7."))!;

describe("7. who on the team knows a person", () => {
  it("names Maya, with the emails both ways and the meeting, strongest first", async () => {
    const { data, errors } = await gql(server.url, example.query, example.variables);
    expect(errors).toBeUndefined();
    const priya = data!.person;
    expect(priya.teamConnections).toHaveLength(1);
    expect(priya.teamConnections[0]).toMatchObject({
      colleague: { name: "Maya Chen" },
      evidence: { emailsSent: 2, emailsReceived: 2, meetings: 1, summary: "4 emails both ways and 1 meeting; last 12 days ago" },
    });
    // The strength Maya set by hand (0.85) stays as the floor above what five interactions give.
    expect(priya.teamConnections[0].strength).toBe(0.85);
    expect(priya.interactions.edges.map((e: any) => [e.node.kind, e.node.direction, e.node.colleague.name])).toEqual([
      ["MEETING", null, "Maya Chen"], ["EMAIL", "RECEIVED", "Maya Chen"], ["EMAIL", "SENT", "Maya Chen"], ["EMAIL", "RECEIVED", "Maya Chen"], ["EMAIL", "SENT", "Maya Chen"],
    ]);
  });

  it("says of a contact who never answered that the emails went one way", async () => {
    const { data } = await gql(server.url, example.query, { email: "michael.tran@lumorahealth.example" });
    expect(data!.person.teamConnections).toEqual([expect.objectContaining({
      strength: 0.5,
      evidence: expect.objectContaining({ emailsSent: 2, emailsReceived: 0, meetings: 0, summary: "2 emails sent, none answered; last 16 days ago" }),
    })]);
  });
});
