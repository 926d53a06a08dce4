/**
 * The topic hierarchy. Broader topics come first so the document reads top
 * down. "Data Privacy" has two broader topics on purpose: the hierarchy is a
 * graph, not a tree. Content, interests and concerns elsewhere in the story
 * sometimes name a topic by an alias ("attrition", "SFDC"), as real imports do.
 */
export function demoTopics() {
  return [
    { name: "Sales Technology", aliases: ["sales tech"] },
    { name: "CRM", aliases: ["customer relationship management"], broader: ["Sales Technology"] },
    { name: "Salesforce CRM", aliases: ["Salesforce", "SFDC"], broader: ["CRM"] },
    { name: "HubSpot CRM", aliases: ["HubSpot"], broader: ["CRM"] },
    { name: "Sales Enablement", broader: ["Sales Technology"] },
    { name: "Revenue Forecasting", aliases: ["sales forecasting"], broader: ["Sales Technology"] },

    { name: "Customer Success", aliases: ["customer success management"] },
    { name: "Churn", aliases: ["attrition", "customer churn"], broader: ["Customer Success"] },
    { name: "Renewals", aliases: ["contract renewals"], broader: ["Customer Success"] },
    { name: "Onboarding", aliases: ["customer onboarding"], broader: ["Customer Success"] },

    { name: "Data", aliases: ["data management"] },
    { name: "Analytics", aliases: ["business intelligence", "BI"], broader: ["Data"] },

    { name: "Security", aliases: ["cybersecurity", "information security"] },
    { name: "Compliance", aliases: ["regulatory compliance"], broader: ["Security"] },
    { name: "Data Privacy", aliases: ["GDPR"], broader: ["Compliance", "Data"] },

    { name: "Marketing" },
    { name: "Account-Based Marketing", aliases: ["ABM"], broader: ["Marketing"] },

    { name: "Supply Chain", aliases: ["logistics visibility"] },
  ];
}
