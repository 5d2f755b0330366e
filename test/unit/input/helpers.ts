import { expect } from '@jest/globals';
import { InputError } from '../../../server/shared/errors.js';

/** Runs `parse` and returns the InputError it throws (failing the test when it throws none or another error). */
export function inputError(parse: () => unknown): InputError {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, the value was accepted');
}
