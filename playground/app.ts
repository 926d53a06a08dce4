/// <reference lib="dom" />
/**
 * The playground page: GraphiQL, bundled from npm packages by build.ts, so it
 * works with no network beyond this server. It opens with the canonical
 * questions as tabs, and sends whatever headers the user pastes (none are
 * needed in development mode).
 */
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { EXAMPLES } from "./examples.js";

const fetcher = createGraphiQLFetcher({ url: new URL("/graphql", window.location.href).toString() });
const defaultTabs = EXAMPLES.map((example) => ({
  query: example.query,
  ...(example.variables ? { variables: JSON.stringify(example.variables, null, 2) } : {}),
}));

// GraphiQL fills the open tab's editors from `query` and `variables`, not from its defaultTabs entry.
const [first] = defaultTabs;
createRoot(document.getElementById("playground")!).render(
  createElement(GraphiQL, {
    fetcher, defaultTabs, query: first?.query, variables: first?.variables, defaultEditorToolsVisibility: "variables", defaultHeaders: "{}",
  }),
);
