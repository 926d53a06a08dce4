/// <reference lib="dom" />
/**
 * The playground page: GraphiQL, bundled from npm packages by build.ts, so it
 * works with no network beyond this server. It opens with the canonical
 * questions as tabs, labelled with the questions, and sends whatever headers the user pastes (none are
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

// GraphiQL titles a tab with its operation's name, and renames it as the operation changes. A tab that
// holds one of the questions is labelled with the question (index.html's style shows data-question in
// place of the name); renamed to anything else, it shows the name GraphiQL gives it.
const QUESTIONS = new Map(EXAMPLES.map((example) => [/^\s*query\s+(\w+)/m.exec(example.query)?.[1], example.title]));
function labelTabs(): void {
  for (const button of document.querySelectorAll<HTMLElement>(".graphiql-tab-button")) {
    const question = QUESTIONS.get(button.textContent?.trim());
    if (question === undefined) {
      delete button.dataset.question;
      button.removeAttribute("title");
    } else if (button.dataset.question !== question) {
      button.dataset.question = question;
      button.title = question;
    }
  }
}
new MutationObserver(labelTabs).observe(document.body, { subtree: true, childList: true, characterData: true });

// GraphiQL fills the open tab's editors from `query` and `variables`, not from its defaultTabs entry.
const [first] = defaultTabs;
createRoot(document.getElementById("playground")!).render(
  createElement(GraphiQL, {
    fetcher, defaultTabs, query: first?.query, variables: first?.variables, defaultEditorToolsVisibility: "variables", defaultHeaders: "{}",
  }),
);
