/**
 * The role rule, on a small schema of its own whose mutations are named like
 * none of ours: any operation that is not a query needs EDITOR or above,
 * whatever its fields are called, and is refused before a resolver runs.
 * Queries are open to every role.
 */
import { ApolloServer } from "@apollo/server";
import { describe, expect, it } from "vitest";
import type { Role } from "../../src/auth/identity.js";
import type { RequestContext } from "../../src/context.js";
import { maskError } from "../../src/errors.js";
import { rolePlugin } from "../../src/plugins/roles.js";

const ran: string[] = [];
const apollo = new ApolloServer<RequestContext>({
  typeDefs: "type Query { ping: String } type Mutation { renamePerson(id: ID!, name: String!): String, anyFutureMutation: String }",
  resolvers: {
    Query: { ping: () => "pong" },
    Mutation: {
      renamePerson: () => (ran.push("renamePerson"), "renamed"),
      anyFutureMutation: () => (ran.push("anyFutureMutation"), "done"),
    },
  },
  formatError: maskError,
  plugins: [rolePlugin()],
});

async function run(role: Role, query: string) {
  const contextValue = { identity: { workspace: "w", email: "someone@example.com", role, via: "api-key" } } as RequestContext;
  const response = await apollo.executeOperation({ query }, { contextValue });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return { status: response.http.status, ...response.body.singleResult };
}

describe("rolePlugin", () => {
  it("refuses every mutation to a READER with FORBIDDEN (HTTP 403), before any resolver runs", async () => {
    ran.length = 0;
    for (const mutation of ['mutation { renamePerson(id: "p1", name: "x") }', "mutation Later { anyFutureMutation }"]) {
      const result = await run("READER", mutation);
      expect(result.status).toBe(403);
      expect(result.errors).toEqual([{ message: "a mutation needs the EDITOR or ADMIN role; this credential has READER", extensions: { code: "FORBIDDEN" } }]);
      expect(result.data).toBeUndefined();
    }
    expect(ran).toEqual([]);
  });

  it("lets EDITORs and ADMINs mutate, and every role query", async () => {
    for (const role of ["EDITOR", "ADMIN"] as const) {
      expect((await run(role, "mutation { anyFutureMutation }")).data).toEqual({ anyFutureMutation: "done" });
    }
    for (const role of ["READER", "EDITOR", "ADMIN"] as const) expect((await run(role, "{ ping }")).data).toEqual({ ping: "pong" });
  });
});
