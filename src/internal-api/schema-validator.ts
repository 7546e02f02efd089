import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

import { ApiError, type FieldProblem } from '../shared/errors';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);

/**
 * Compiles `schema` (the very object published in the OpenAPI description) into a check that
 * returns the typed value or throws a 400 naming every offending field with a code.
 */
export function compileValidator<T>(schema: Record<string, unknown>): (value: unknown) => T {
  const validate = ajv.compile<T>(schema);
  return (value) => {
    if (validate(value)) return value;
    const errors = (validate.errors ?? []).filter(isNotBranchDetail).map(toProblem);
    throw new ApiError(400, 'validation_failed', 'The request does not match the schema', errors);
  };
}

/**
 * Leaves out why each branch of a `oneOf` failed (every branch of "exactly one of" fails in its
 * own way); the `oneOf` error itself names the field.
 */
function isNotBranchDetail(error: ErrorObject): boolean {
  return !/\/oneOf\/\d+\//.test(error.schemaPath);
}

function toProblem(error: ErrorObject): FieldProblem {
  const names = error.keyword === 'required' || error.keyword === 'dependencies';
  const missing = names ? `/${String(error.params.missingProperty)}` : '';
  const extra =
    error.keyword === 'additionalProperties' ? `/${String(error.params.additionalProperty)}` : '';
  return {
    field: `${error.instancePath}${missing}${extra}` || '/',
    code: error.keyword,
    message: error.message ?? 'is invalid',
  };
}
