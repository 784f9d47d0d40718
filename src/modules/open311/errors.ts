import type { ApiError } from './rules/georeport.js';

/** An answer in the spec's error format: an HTTP status and a list of {code, description}. */
export class Open311Error extends Error {
  constructor(readonly status: number, readonly errors: ApiError[]) {
    super(errors.map((e) => e.description).join(' '));
    this.name = 'Open311Error';
  }
}
