/**
 * What an operation would cost, measured on the operation and the schema
 * before anything runs:
 * - depth: the longest chain of nested fields (a root field alone is 1);
 * - cost: about how many items it could return. A field costs 1 plus its
 *   children's cost times its `first` or `last` (the value given, from a variable, or
 *   the schema's default), so `people(first: 100) { edges { node {
 *   engagements(first: 20) { at } } } }` costs about 100 × 20;
 * - expensive: how many fields that make Neo4j read much of a workspace it
 *   may run (expensive-fields.ts), each counted like cost, once per item of
 *   the lists around it;
 * - `first`, `last` and `maxHops` arguments out of bounds, wherever they appear,
 *   nested in input objects too (maxHops sits inside PersonWhere filters).
 * Fragments count where they are spread; the alternatives of a union are
 * added, which overestimates. Introspection fields (__schema …) are not
 * measured: the introspection setting governs them.
 */
import {
  getArgumentValues, getNamedType, GraphQLError, isCompositeType, isInputType, isObjectType, isInterfaceType, Kind, typeFromAST, valueFromAST,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLSchema, type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { isExpensiveField } from "./expensive-fields.js";

export interface ArgumentProblem {
  /** The argument's path, e.g. `where.AND[0].connectedTo.maxHops`. */
  path: string;
  name: "first" | "last" | "maxHops";
  value: number;
}

export interface OperationMeasure {
  depth: number;
  cost: number;
  expensive: number;
  problems: ArgumentProblem[];
}

export interface ArgumentBounds {
  maxFirst: number;
  maxHops: number;
}

/**
 * The variables are measured as the client sent them, with the operation's
 * defaults for those it left out: coercing them here as well as in execution
 * cost about 40 µs a request. A value of the wrong type (a `first` of "many")
 * is no number, so it is not measured; execution refuses it before anything
 * runs. Null when the operation cannot be measured (no root type, or a
 * required variable missing): execution refuses what it cannot run.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown>,
  bounds: ArgumentBounds,
): OperationMeasure | null {
  const variables = withDefaults(schema, operation, rawVariables);
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const problems: ArgumentProblem[] = [];
  type Measure = Omit<OperationMeasure, "problems">;
  const measure = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): Measure => {
    let depth = 0;
    let cost = 0;
    let expensive = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith("__")) continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!field) continue; // validation has rejected unknown fields already
        const args = getArgumentValues(field, selection, variables);
        checkArguments(args, "", bounds, problems);
        const type = getNamedType(field.type);
        const children = selection.selectionSet && isCompositeType(type) ? measure(selection.selectionSet, type) : { depth: 0, cost: 0, expensive: 0 };
        // A backward page (last) returns last rows; first keeps its schema default then, so the larger counts.
        const multiplier = Math.max(typeof args.first === "number" ? args.first : 1, typeof args.last === "number" ? args.last : 1, 1);
        depth = Math.max(depth, 1 + children.depth);
        cost += 1 + multiplier * children.cost;
        expensive += (isExpensiveField(`${parent.name}.${field.name}`, args) ? 1 : 0) + multiplier * children.expensive;
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        const inner = measure(fragment.selectionSet, isCompositeType(condition) ? condition : parent);
        depth = Math.max(depth, inner.depth);
        cost += inner.cost;
        expensive += inner.expensive;
      }
    }
    return { depth, cost, expensive };
  };
  try {
    return { ...measure(operation.selectionSet, root), problems };
  } catch (error) {
    // getArgumentValues throws on a required argument whose variable was not given.
    if (error instanceof GraphQLError) return null;
    throw error;
  }
}

function withDefaults(schema: GraphQLSchema, operation: OperationDefinitionNode, rawVariables: Record<string, unknown>): Record<string, unknown> {
  const variables = { ...rawVariables };
  for (const { variable, type, defaultValue } of operation.variableDefinitions ?? []) {
    const inputType = typeFromAST(schema, type);
    if (defaultValue && variables[variable.name.value] === undefined && inputType && isInputType(inputType)) {
      variables[variable.name.value] = valueFromAST(defaultValue, inputType);
    }
  }
  return variables;
}

function checkArguments(value: unknown, path: string, bounds: ArgumentBounds, problems: ArgumentProblem[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkArguments(item, `${path}[${index}]`, bounds, problems));
    return;
  }
  if (typeof value !== "object" || value === null) return;
  for (const [name, inner] of Object.entries(value)) {
    const at = path === "" ? name : `${path}.${name}`;
    if ((name === "first" || name === "last") && typeof inner === "number" && (inner < 0 || inner > bounds.maxFirst)) problems.push({ path: at, name, value: inner });
    else if (name === "maxHops" && typeof inner === "number" && inner > bounds.maxHops) problems.push({ path: at, name, value: inner });
    else checkArguments(inner, at, bounds, problems);
  }
}
