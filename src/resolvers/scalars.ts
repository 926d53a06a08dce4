/**
 * Date and DateTime travel as ISO 8601 strings. Output values come from
 * db/mapping.ts already formatted; input values are checked here so a resolver
 * never sees a malformed date.
 */
import { GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { AppError, ErrorCode } from "../errors.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isoScalar(name: string, pattern: RegExp, example: string): GraphQLScalarType {
  const parse = (value: unknown): string => {
    if (typeof value !== "string" || !pattern.test(value) || Number.isNaN(Date.parse(value))) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `${name} must be an ISO 8601 string such as ${example}`);
    }
    return value;
  };
  return new GraphQLScalarType({
    name,
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const DateScalar = isoScalar("Date", DATE, "2026-10-15");
export const DateTimeScalar = isoScalar("DateTime", DATE_TIME, "2026-10-15T09:30:00Z");
