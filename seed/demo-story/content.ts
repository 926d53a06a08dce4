import type { StoryClock } from "./clock.js";

const OURS = "https://ourco.example/resources";

/** Content is keyed by URL; engagements refer to it through these names so a typo fails to compile. */
export const CONTENT_URL = {
  renewalPlaybook: `${OURS}/white-papers/renewal-playbook`,
  crmHygiene: `${OURS}/white-papers/crm-hygiene-at-scale`,
  salesforceHealthCheck: `${OURS}/white-papers/salesforce-crm-health-check`,
  hubspotMigration: `${OURS}/white-papers/moving-to-hubspot-crm`,
  salesforceMigrationReadiness: "https://meridianpartners.example/insights/salesforce-migration-readiness",
  churnFromUsage: `${OURS}/white-papers/predicting-churn-from-product-usage`,
  salesTechStack: `${OURS}/white-papers/sales-technology-stack-2026`,
  revopsAnalytics: `${OURS}/white-papers/analytics-for-revenue-operations`,
  complianceReadyData: `${OURS}/white-papers/compliance-ready-customer-data`,
  crmFieldsBlog: `${OURS}/blog/five-crm-fields-your-reps-ignore`,
  onboardingChurnBlog: `${OURS}/blog/onboarding-is-your-best-churn-lever`,
  seriesBStackBlog: `${OURS}/blog/what-a-series-b-means-for-your-sales-stack`,
  abmBlog: `${OURS}/blog/abm-without-the-buzzwords`,
  churnSignalsWebinar: `${OURS}/webinars/churn-signals-hiding-in-your-crm`,
  renewalForecastingWebinar: `${OURS}/webinars/renewal-forecasting-live`,
  securityReviewsWebinar: `${OURS}/webinars/security-reviews-that-dont-stall-deals`,
  brightwellCaseStudy: `${OURS}/case-studies/brightwell-onboarding`,
  quillstoneCaseStudy: `${OURS}/case-studies/quillstone-single-view-of-the-policyholder`,
  verdantCaseStudy: `${OURS}/case-studies/verdant-renewals-on-autopilot`,
  hubspotVideo: `${OURS}/videos/hubspot-crm-in-ten-minutes`,
  churnDashboardsVideo: `${OURS}/videos/churn-dashboards-walkthrough`,
  stateOfCsReport: `${OURS}/reports/state-of-customer-success-2026`,
  revopsBenchmarkReport: `${OURS}/reports/revenue-operations-benchmark`,
  supplyChainReport: `${OURS}/reports/supply-chain-visibility-index`,
} as const;

/**
 * Our library, plus one partner paper. The CRM white papers are spread over
 * CRM itself and its narrower topics, so "CRM white papers" gives a different
 * answer with and without narrower topics; two name their topic by an alias.
 * Near misses sit next to them: a CRM blog post and webinar, a white paper on
 * churn, and one on the broader "Sales Technology".
 */
export function demoContent({ daysAgo }: StoryClock) {
  const u = CONTENT_URL;
  return [
    { url: u.renewalPlaybook, title: "The Renewal Playbook: Turning CRM Data into Retention",
      kind: "WHITE_PAPER", topics: ["CRM", "Renewals"], publishedAt: daysAgo(200) },
    { url: u.crmHygiene, title: "CRM Hygiene at Scale: A Field Guide for Revenue Teams",
      kind: "WHITE_PAPER", topics: ["customer relationship management"], publishedAt: daysAgo(300) },
    { url: u.salesforceHealthCheck, title: "The Salesforce CRM Health Check",
      kind: "WHITE_PAPER", topics: ["Salesforce CRM"], publishedAt: daysAgo(150) },
    { url: u.hubspotMigration, title: "Moving to HubSpot CRM Without Losing Your Pipeline",
      kind: "WHITE_PAPER", topics: ["HubSpot CRM"], publishedAt: daysAgo(120) },
    { url: u.salesforceMigrationReadiness, title: "Salesforce Migration Readiness: A Checklist for Mid-Size Teams",
      kind: "WHITE_PAPER", topics: ["SFDC"], publishedAt: daysAgo(100) },
    { url: u.churnFromUsage, title: "Predicting Churn from Product Usage",
      kind: "WHITE_PAPER", topics: ["Churn", "Analytics"], publishedAt: daysAgo(180) },
    { url: u.salesTechStack, title: "The 2026 Sales Technology Stack",
      kind: "WHITE_PAPER", topics: ["Sales Technology"], publishedAt: daysAgo(90) },
    { url: u.revopsAnalytics, title: "Analytics for Revenue Operations",
      kind: "WHITE_PAPER", topics: ["Analytics", "Revenue Forecasting"], publishedAt: daysAgo(240) },
    { url: u.complianceReadyData, title: "Compliance-Ready Customer Data",
      kind: "WHITE_PAPER", topics: ["Compliance", "Data Privacy"], publishedAt: daysAgo(160) },
    { url: u.crmFieldsBlog, title: "Five CRM Fields Your Reps Ignore",
      kind: "BLOG_POST", topics: ["CRM"], publishedAt: daysAgo(60) },
    { url: u.onboardingChurnBlog, title: "Onboarding Is Your Best Churn Lever",
      kind: "BLOG_POST", topics: ["Onboarding", "Churn"], publishedAt: daysAgo(45) },
    { url: u.seriesBStackBlog, title: "What a Series B Means for Your Sales Stack",
      kind: "BLOG_POST", topics: ["Sales Technology"], publishedAt: daysAgo(75) },
    { url: u.abmBlog, title: "ABM Without the Buzzwords",
      kind: "BLOG_POST", topics: ["Account-Based Marketing"], publishedAt: daysAgo(30) },
    { url: u.churnSignalsWebinar, title: "Churn Signals Hiding in Your CRM",
      kind: "WEBINAR", topics: ["CRM", "Churn"], publishedAt: daysAgo(50) },
    { url: u.renewalForecastingWebinar, title: "Renewal Forecasting, Live",
      kind: "WEBINAR", topics: ["Renewals", "Revenue Forecasting"], publishedAt: daysAgo(20) },
    { url: u.securityReviewsWebinar, title: "Security Reviews That Don't Stall Deals",
      kind: "WEBINAR", topics: ["Security", "Compliance"], publishedAt: daysAgo(140) },
    { url: u.brightwellCaseStudy, title: "How Brightwell Logistics Cut Onboarding Time by 40%",
      kind: "CASE_STUDY", topics: ["Onboarding"], publishedAt: daysAgo(210) },
    { url: u.quillstoneCaseStudy, title: "Quillstone Insurance: A Single View of the Policyholder",
      kind: "CASE_STUDY", topics: ["Salesforce CRM"], publishedAt: daysAgo(260) },
    { url: u.verdantCaseStudy, title: "Verdant Energy: Renewals on Autopilot",
      kind: "CASE_STUDY", topics: ["Renewals"], publishedAt: daysAgo(95) },
    { url: u.hubspotVideo, title: "HubSpot CRM in Ten Minutes",
      kind: "VIDEO", topics: ["HubSpot"], publishedAt: daysAgo(110) },
    { url: u.churnDashboardsVideo, title: "Churn Dashboards: A Walkthrough",
      kind: "VIDEO", topics: ["Churn", "Analytics"], publishedAt: daysAgo(40) },
    { url: u.stateOfCsReport, title: "State of Customer Success 2026",
      kind: "REPORT", topics: ["Customer Success"], publishedAt: daysAgo(170) },
    { url: u.revopsBenchmarkReport, title: "Revenue Operations Benchmark Report",
      kind: "REPORT", topics: ["Analytics", "Revenue Forecasting"], publishedAt: daysAgo(130) },
    { url: u.supplyChainReport, title: "Supply Chain Visibility Index",
      kind: "REPORT", topics: ["Supply Chain"], publishedAt: daysAgo(220) },
  ];
}
