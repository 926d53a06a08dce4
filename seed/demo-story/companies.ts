import type { StoryClock } from "./clock.js";

/**
 * The accounts. Company names and domains are invented; cities and their
 * coordinates are real. Every status and every relationship level occurs;
 * OurCo (us) and the investor Foxglove carry neither, because neither is an
 * account we sell to.
 */
export function demoCompanies() {
  return [
    { domain: "ourco.example", name: "OurCo", industry: "Software", employees: 450,
      city: "San Francisco", country: "US", location: { latitude: 37.7897, longitude: -122.3972 } },
    { domain: "lumorahealth.example", name: "Lumora Health", industry: "Healthcare Software", employees: 340,
      city: "San Francisco", country: "US", location: { latitude: 37.7786, longitude: -122.3893 },
      status: "PROSPECT", relationshipLevel: "CREDIBLE_SOURCE" },
    { domain: "brightwell-logistics.example", name: "Brightwell Logistics", industry: "Logistics", employees: 1200,
      city: "Oakland", country: "US", location: { latitude: 37.8044, longitude: -122.2712 },
      status: "CUSTOMER", relationshipLevel: "PARTNER" },
    { domain: "kestrelanalytics.example", name: "Kestrel Analytics", industry: "Data & Analytics Software", employees: 180,
      city: "Berkeley", country: "US", location: { latitude: 37.8716, longitude: -122.2727 },
      status: "PROSPECT", relationshipLevel: "TRANSACTIONAL" },
    { domain: "quillstone.example", name: "Quillstone Insurance", industry: "Insurance", employees: 5400,
      city: "Chicago", country: "US", location: { latitude: 41.8781, longitude: -87.6298 },
      status: "CUSTOMER", relationshipLevel: "TRUSTED_ADVISER" },
    { domain: "verdantenergy.example", name: "Verdant Energy", industry: "Renewable Energy", employees: 900,
      city: "London", country: "GB", location: { latitude: 51.5074, longitude: -0.1278 },
      status: "CUSTOMER", relationshipLevel: "CREDIBLE_SOURCE" },
    { domain: "palisadesec.example", name: "Palisade Security", industry: "Cybersecurity", employees: 1400,
      city: "San Jose", country: "US", location: { latitude: 37.3382, longitude: -121.8863 },
      status: "PARTNER", relationshipLevel: "PARTNER" },
    { domain: "ledgerly.example", name: "Ledgerly", industry: "Financial Software", employees: 95,
      city: "San Francisco", country: "US", location: { latitude: 37.7909, longitude: -122.401 },
      status: "FORMER_CUSTOMER", relationshipLevel: "COMMODITY" },
    { domain: "orchardlane.example", name: "Orchard Lane Retail", industry: "Retail", employees: 3200,
      city: "Portland", country: "US", location: { latitude: 45.5152, longitude: -122.6784 },
      status: "CUSTOMER", relationshipLevel: "TRANSACTIONAL" },
    { domain: "harborline.example", name: "Harborline Bank", industry: "Banking", employees: 8000,
      city: "New York", country: "US", location: { latitude: 40.7128, longitude: -74.006 },
      status: "FORMER_CUSTOMER", relationshipLevel: "TRANSACTIONAL" },
    { domain: "tidepoolcommerce.example", name: "Tidepool Commerce", industry: "E-commerce Software", employees: 410,
      city: "Seattle", country: "US", location: { latitude: 47.6062, longitude: -122.3321 },
      status: "PROSPECT" },
    { domain: "fernway.example", name: "Fernway Software", industry: "HR Software", employees: 150,
      city: "Austin", country: "US", location: { latitude: 30.2672, longitude: -97.7431 },
      status: "PROSPECT", relationshipLevel: "COMMODITY" },
    { domain: "nordlys.example", name: "Nordlys Maritime", industry: "Shipping", employees: 2100,
      city: "Oslo", country: "NO", location: { latitude: 59.9139, longitude: 10.7522 },
      status: "PROSPECT", relationshipLevel: "COMMODITY" },
    { domain: "cobaltridge.example", name: "Cobalt Ridge Robotics", industry: "Industrial Robotics", employees: 650,
      city: "Munich", country: "DE", location: { latitude: 48.1351, longitude: 11.582 },
      status: "PROSPECT", relationshipLevel: "CREDIBLE_SOURCE" },
    { domain: "sunmesa.example", name: "Sunmesa Telehealth", industry: "Telehealth", employees: 140,
      city: "Toronto", country: "CA", location: { latitude: 43.6532, longitude: -79.3832 },
      status: "PROSPECT" },
    { domain: "meridianpartners.example", name: "Meridian Partners", industry: "IT Consulting", employees: 400,
      city: "Sydney", country: "AU", location: { latitude: -33.8688, longitude: 151.2093 },
      status: "PARTNER", relationshipLevel: "TRUSTED_ADVISER" },
    { domain: "foxgloveventures.example", name: "Foxglove Ventures", industry: "Venture Capital", employees: 35,
      city: "Menlo Park", country: "US", location: { latitude: 37.453, longitude: -122.1817 } },
  ];
}

/**
 * Buying triggers. The funding rounds are placed around the 60-day window of
 * the Series B question: three Series B rounds inside it, one just outside
 * (88 days), and recent rounds of other stages that must not count.
 */
export function demoCompanyEvents({ daysAgo }: StoryClock) {
  return [
    { company: "lumorahealth.example", type: "FUNDING", stage: "SERIES_B", amountUsd: 48_000_000, occurredAt: daysAgo(21) },
    { company: "lumorahealth.example", type: "EXPANSION", occurredAt: daysAgo(9) },
    { company: "lumorahealth.example", type: "LEADERSHIP_CHANGE", occurredAt: daysAgo(200) },
    { company: "kestrelanalytics.example", type: "FUNDING", stage: "SERIES_B", amountUsd: 30_000_000, occurredAt: daysAgo(44) },
    { company: "kestrelanalytics.example", type: "PRODUCT_LAUNCH", occurredAt: daysAgo(15) },
    { company: "kestrelanalytics.example", type: "FUNDING", stage: "SERIES_A", amountUsd: 12_000_000, occurredAt: daysAgo(600) },
    { company: "sunmesa.example", type: "FUNDING", stage: "SERIES_B", amountUsd: 22_000_000, occurredAt: daysAgo(33) },
    { company: "sunmesa.example", type: "FUNDING", stage: "SERIES_A", amountUsd: 8_000_000, occurredAt: daysAgo(500) },
    { company: "tidepoolcommerce.example", type: "FUNDING", stage: "SERIES_B", amountUsd: 35_000_000, occurredAt: daysAgo(88) },
    { company: "fernway.example", type: "FUNDING", stage: "SEED", amountUsd: 3_000_000, occurredAt: daysAgo(400) },
    { company: "fernway.example", type: "FUNDING", stage: "SERIES_A", amountUsd: 12_000_000, occurredAt: daysAgo(12) },
    { company: "cobaltridge.example", type: "FUNDING", stage: "SERIES_C", amountUsd: 80_000_000, occurredAt: daysAgo(30) },
    { company: "cobaltridge.example", type: "EXPANSION", occurredAt: daysAgo(140) },
    { company: "ledgerly.example", type: "FUNDING", stage: "DEBT", amountUsd: 10_000_000, occurredAt: daysAgo(250) },
    { company: "ledgerly.example", type: "LAYOFFS", occurredAt: daysAgo(70) },
    { company: "ledgerly.example", type: "LEADERSHIP_CHANGE", occurredAt: daysAgo(40) },
    { company: "harborline.example", type: "LAYOFFS", occurredAt: daysAgo(25) },
    { company: "brightwell-logistics.example", type: "LEADERSHIP_CHANGE", occurredAt: daysAgo(50) },
    { company: "brightwell-logistics.example", type: "EXPANSION", occurredAt: daysAgo(180) },
    { company: "orchardlane.example", type: "ACQUISITION", occurredAt: daysAgo(120) },
    { company: "palisadesec.example", type: "PRODUCT_LAUNCH", occurredAt: daysAgo(35) },
    { company: "palisadesec.example", type: "IPO", occurredAt: daysAgo(300) },
    { company: "verdantenergy.example", type: "EXPANSION", occurredAt: daysAgo(65) },
    { company: "verdantenergy.example", type: "FUNDING", stage: "GRANT", amountUsd: 5_000_000, occurredAt: daysAgo(160) },
    { company: "nordlys.example", type: "ACQUISITION", occurredAt: daysAgo(180) },
    { company: "quillstone.example", type: "PRODUCT_LAUNCH", occurredAt: daysAgo(75) },
    { company: "meridianpartners.example", type: "EXPANSION", occurredAt: daysAgo(230) },
  ];
}
