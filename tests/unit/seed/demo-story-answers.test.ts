/**
 * The canonical answers written at the top of seed/demo-story.ts, checked
 * with the plain-TypeScript reference queries, at two different times of day
 * and year so nothing depends on when the story is loaded.
 */
import { describe, expect, it } from "vitest";
import { DEMO_USER_EMAIL, demoStory } from "../../../seed/demo-story.js";
import { CONTENT_URL } from "../../../seed/demo-story/content.js";
import * as q from "./story-queries.js";

const maya = DEMO_USER_EMAIL;
const priya = "priya.raman@lumorahealth.example";
const michael = "michael.tran@lumorahealth.example";
const marcus = "marcus.bell@brightwell-logistics.example";
const elena = "elena.vasquez@kestrelanalytics.example";
const leah = "leah.goldberg@kestrelanalytics.example";
const grace = "grace.kim@ledgerly.example";
const daniel = "daniel.okafor@ourco.example";
const julien = "julien.tremblay@sunmesa.example";

const sorted = (values: Iterable<string>) => [...values].sort();

describe.each([new Date("2026-11-22T00:00:00Z"), new Date("2027-03-14T18:45:00Z")])("the canonical answers when now is %s", (now) => {
  const s = demoStory(now);

  it("1. connections who read CRM white papers and voiced churn in the last 90 days", () => {
    expect(q.crmReadersWithRecentChurn(s, maya, now)).toEqual(sorted([priya, marcus, elena]));
    expect(q.crmReadersWithRecentChurn(s, maya, now, 90, { actions: ["READ"] })).toEqual(sorted([priya, marcus, elena]));
    expect(q.crmReadersWithRecentChurn(s, maya, now, 90, { includeNarrower: false })).toEqual([priya]);
    expect(q.crmReadersWithRecentChurn(s, maya, now, 365)).toEqual(
      sorted([priya, marcus, elena, "tom.okonkwo@quillstone.example", "diego.santos@orchardlane.example"]),
    );
    expect(q.crmReadersWithRecentChurn(s, maya, now, 90, { hops: 2 })).toEqual(
      sorted([priya, marcus, elena, "amara.osei@sunmesa.example", "gary.lin@brightwell-logistics.example",
        "lauren.hughes@tidepoolcommerce.example", "dmitri.volkov@harborline.example"]),
    );
  });

  it("1. keeps churn concerns at least five days from the 90-day edge", () => {
    const churn = q.topicAndNarrower(s, "Churn");
    const resolve = q.topicResolver(s);
    for (const c of s.concerns.filter((c) => churn.has(resolve(c.topic) ?? c.topic))) {
      const days = (now.getTime() - q.instant(c.expressedAt)) / 86_400_000;
      expect(Math.abs(days - 90), `${c.person} ${c.expressedAt}`).toBeGreaterThanOrEqual(5);
    }
  });

  it("1. excludes the near misses for the reasons the story gives", () => {
    const readers = q.whitePaperReaders(s, "CRM");
    const hannah = "hannah.lindqvist@verdantenergy.example";
    expect(readers.has(hannah)).toBe(false);
    expect(q.whitePaperReaders(s, "Churn").has(hannah)).toBe(true);
    expect(readers.has(grace)).toBe(false);
    expect(readers.has("samuel.adeyemi@cobaltridge.example")).toBe(true);
    expect(s.concerns.filter((c) => c.person === "samuel.adeyemi@cobaltridge.example").map((c) => c.topic)).not.toContain("Churn");
  });

  it("2. companies where connections read CRM white papers", () => {
    const withNarrower = ["brightwell-logistics.example", "cobaltridge.example", "kestrelanalytics.example",
      "lumorahealth.example", "orchardlane.example", "quillstone.example"];
    expect(q.companiesOfCrmReaders(s, maya)).toEqual(withNarrower);
    expect(q.companiesOfCrmReaders(s, maya, { actions: ["READ"] })).toEqual(withNarrower);
    expect(q.companiesOfCrmReaders(s, maya, { includeNarrower: false })).toEqual(["lumorahealth.example", "orchardlane.example", "quillstone.example"]);
    const twoHops = q.companiesOfCrmReaders(s, maya, { hops: 2 });
    expect(twoHops).toEqual(expect.arrayContaining(["tidepoolcommerce.example", "sunmesa.example"]));
  });

  it("3. connections within 25 km interested in a topic", () => {
    expect(q.nearbyInterested(s, maya, "Churn", 25)).toEqual(sorted([priya, grace, marcus, elena]));
    expect(q.nearbyInterested(s, maya, "attrition", 25)).toEqual(sorted([priya, grace, marcus, elena]));
    expect(q.nearbyInterested(s, maya, "Churn", 100)).toContain("ravi.iyer@palisadesec.example");
    expect(q.nearbyInterested(s, maya, "CRM", 25)).toEqual(sorted([daniel, priya]));
    expect(q.nearbyInterested(s, maya, "customer relationship management", 25, true)).toEqual(sorted([daniel, priya, elena, marcus, michael]));
  });

  it("3. keeps every person well clear of the 25 km edge", () => {
    const home = q.personByEmail(s, maya).location;
    for (const person of s.people) {
      const km = q.distanceKm(home, person.location);
      expect(km < 20 || km > 30, `${person.email} is ${km.toFixed(1)} km away`).toBe(true);
    }
  });

  it("4. Series B rounds in the last 60 days and whom Maya knows there", () => {
    expect(q.recentRounds(s, maya, now)).toEqual([
      { company: "kestrelanalytics.example", known: sorted([elena, leah]) },
      { company: "lumorahealth.example", known: sorted([priya, michael]) },
      { company: "sunmesa.example", known: [] },
    ]);
    expect(q.recentRounds(s, maya, now, "SERIES_B", 120).map((r) => r.company)).toContain("tidepoolcommerce.example");
    expect(q.withinDays(q.personByEmail(s, leah).since, now, 60)).toBe(true);
  });

  it("4. keeps funding rounds well clear of the 60-day edge", () => {
    for (const e of s.events.filter((e) => e.type === "FUNDING")) {
      const days = (now.getTime() - q.instant(e.occurredAt)) / 86_400_000;
      expect(days < 55 || days > 65, `${e.company} ${e.stage}`).toBe(true);
    }
  });

  it("5. best introductions to Julien Tremblay, and to anyone at Sunmesa", () => {
    const toJulien = q.introductionPaths(s, maya, (e) => e === julien);
    expect(toJulien.slice(0, 4).map((p) => [p.path, Number(p.strength.toFixed(4))])).toEqual([
      [[maya, daniel, "farah.haddad@meridianpartners.example", julien], 0.544],
      [[maya, priya, "amara.osei@sunmesa.example", julien], 0.5355],
      [[maya, "olivia.brennan@meridianpartners.example", "farah.haddad@meridianpartners.example", julien], 0.364],
      [[maya, "olivia.brennan@meridianpartners.example", julien], 0.325],
    ]);
    const fourHops = q.introductionPaths(s, maya, (e) => e === julien, 4)[0];
    expect(fourHops?.path).toEqual([maya, "tom.okonkwo@quillstone.example", "isabel.costa@quillstone.example", "henrik.sorensen@verdantenergy.example", julien]);
    expect(fourHops?.strength).toBeCloseTo(0.7716, 4);
    const toSunmesa = q.introductionPaths(s, maya, q.worksAt(s, "sunmesa.example"))[0];
    expect(toSunmesa?.path).toEqual([maya, priya, "amara.osei@sunmesa.example"]);
    expect(toSunmesa?.strength).toBeCloseTo(0.595, 4);
  });

  it("6. the brief before calling Priya Raman", () => {
    expect(q.preCallBrief(s, maya, priya, now)).toEqual({
      company: "lumorahealth.example",
      recentEvents: ["FUNDING", "EXPANSION"],
      interests: ["Churn", "Customer Success", "Renewals", "CRM"],
      recentEngagements: [
        `READ ${CONTENT_URL.renewalPlaybook}`,
        `ATTENDED ${CONTENT_URL.churnSignalsWebinar}`,
        `COMMENTED ${CONTENT_URL.onboardingChurnBlog}`,
        `SHARED ${CONTENT_URL.brightwellCaseStudy}`,
      ],
      recentConcerns: ["Churn", "Renewals", "Onboarding", "Customer Success"],
      openPromises: ["crm-4411", "crm-4398", "crm-4425"],
      directStrength: 0.85,
      mutualConnections: sorted([daniel, grace, michael]),
    });
    const open = s.promises.filter((p) => p.status === "OPEN" && (p.person === priya || p.company === "lumorahealth.example"));
    expect(open.some((p) => q.instant(p.dueAt) < now.getTime())).toBe(true);
    expect(open.some((p) => q.instant(p.dueAt) > now.getTime())).toBe(true);
  });
});
