import type { StoryClock } from "./clock.js";

/**
 * What we committed to. Open promises are both overdue and due soon, so a
 * pre-call brief has something urgent in it; two carry no source-system id
 * and are keyed by person or company, text and date instead.
 */
export function demoPromises({ daysAgo, daysFromNow }: StoryClock) {
  return [
    { id: "crm-4411", person: "priya.raman@lumorahealth.example", company: "lumorahealth.example",
      text: "Send the churn benchmark for mid-market healthcare SaaS before her board prep",
      madeAt: daysAgo(12), dueAt: daysFromNow(3), status: "OPEN" },
    { id: "crm-4398", person: "priya.raman@lumorahealth.example",
      text: "Introduce her to Hiro Tanaka, our onboarding architect",
      madeAt: daysAgo(20), dueAt: daysAgo(5), status: "OPEN" },
    { id: "crm-4217", person: "priya.raman@lumorahealth.example",
      text: "Share the renewal playbook with her team leads",
      madeAt: daysAgo(60), dueAt: daysAgo(50), status: "KEPT" },
    { id: "crm-4425", company: "lumorahealth.example",
      text: "Deliver a 90-day pilot proposal sized for 40 seats",
      madeAt: daysAgo(9), dueAt: daysFromNow(14), status: "OPEN" },
    { id: "crm-4102", person: "marcus.bell@brightwell-logistics.example", company: "brightwell-logistics.example",
      text: "Fix the nightly carrier scorecard sync into Salesforce",
      madeAt: daysAgo(95), dueAt: daysAgo(80), status: "BROKEN" },
    { id: "crm-4380", person: "marcus.bell@brightwell-logistics.example",
      text: "Run a churn early-warning workshop for the Brightwell customer success team",
      madeAt: daysAgo(30), dueAt: daysFromNow(10), status: "OPEN" },
    { id: "crm-4391", person: "tom.okonkwo@quillstone.example", company: "quillstone.example",
      text: "Provide an audit-trail export of every policyholder contact",
      madeAt: daysAgo(25), dueAt: daysAgo(10), status: "OPEN" },
    { id: "crm-3650", company: "quillstone.example",
      text: "Hold renewal pricing flat for the next contract term",
      madeAt: daysAgo(300), dueAt: daysAgo(30), status: "KEPT" },
    { id: "crm-3540", person: "aisha.mohammed@harborline.example", company: "harborline.example",
      text: "Credit the quarter-end outage against the next invoice",
      madeAt: daysAgo(260), dueAt: daysAgo(230), status: "BROKEN" },
    { person: "elena.vasquez@kestrelanalytics.example",
      text: "Send a HubSpot pipeline-stage template that matches a product-led motion",
      madeAt: daysAgo(140), dueAt: daysAgo(130), status: "KEPT" },
    { id: "crm-4440", company: "kestrelanalytics.example",
      text: "Answer the security questionnaire for their procurement review",
      madeAt: daysAgo(40), dueAt: daysAgo(2), status: "OPEN" },
    { id: "crm-4432", person: "samuel.adeyemi@cobaltridge.example",
      text: "Send a renewal-risk report for the DACH service contracts",
      madeAt: daysAgo(15), dueAt: daysFromNow(6), status: "OPEN" },
    { id: "crm-4450", person: "raj.patel@palisadesec.example", company: "palisadesec.example",
      text: "Confirm the EU data-residency date in writing",
      madeAt: daysAgo(10), dueAt: daysFromNow(20), status: "OPEN" },
    { person: "grace.kim@ledgerly.example",
      text: "Find out why customer imports fail silently",
      madeAt: daysAgo(100), dueAt: daysAgo(93), status: "KEPT" },
  ];
}
