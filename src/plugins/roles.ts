/**
 * Role enforcement in one place, before anything runs: an operation that is
 * not a query (a mutation, today or added later) needs EDITOR or above, and a
 * root field marked `@requiresRole(role: …)` in the schema needs that role.
 * No resolver checks roles, so a new mutation is covered without knowing of it.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type GraphQLObjectType, type SelectionSetNode, type ValueNode } from "graphql";
import { hasRole, roleSchema, type Role } from "../auth/identity.js";
import type { RequestContext } from "../context.js";
import { AppError, ErrorCode } from "../errors.js";

export function rolePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue, schema, document }) {
          const { role } = contextValue.identity;
          if (operation && operation.operation !== "query" && !hasRole(role, "EDITOR")) {
            throw new AppError(ErrorCode.FORBIDDEN, `a ${operation.operation} needs the EDITOR or ADMIN role; this credential has ${role}`, {
              http: { status: 403 },
            });
          }
          const root = operation && (operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType());
          if (!operation || !root) return;
          const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
          for (const field of rootFields(operation.selectionSet, fragments)) {
            const needed = requiredRole(root, field);
            if (needed && !hasRole(role, needed)) {
              throw new AppError(ErrorCode.FORBIDDEN, `${field} needs the ${needed} role; this credential has ${role}`, { http: { status: 403 } });
            }
          }
        },
      };
    },
  };
}

/** The names of the root fields an operation selects, through fragments too. */
function rootFields(selectionSet: SelectionSetNode, fragments: Map<string, SelectionSetNode>): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments.get(selection.name.value);
    return inner ? rootFields(inner, fragments) : [];
  });
}

/** The role a root field's `@requiresRole(role: …)` names, if it has one. */
function requiredRole(root: GraphQLObjectType, name: string): Role | undefined {
  const directive = root.getFields()[name]?.astNode?.directives?.find((d) => d.name.value === "requiresRole");
  const value: ValueNode | undefined = directive?.arguments?.find((argument) => argument.name.value === "role")?.value;
  return value?.kind === Kind.ENUM ? roleSchema.parse(value.value) : undefined;
}
