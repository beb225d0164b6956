import type { BedrockErrorSpec } from './engine.types';

/**
 * Thrown by validators and rules; `handle()` turns it into an `{ kind: 'error' }` result. Throwing keeps
 * deep walks simple, and only failing requests pay for it.
 */
export class Rejection extends Error {
  constructor(readonly spec: BedrockErrorSpec) {
    super(spec.message);
  }
}

export function validationError(message: string): Rejection {
  return new Rejection({ type: 'ValidationException', status: 400, message });
}

/** Model-side rejections reach the caller wrapped like this (docs/bedrock-protocol.md §3.1). */
export function modelValidationError(message: string): Rejection {
  return validationError(`The model returned the following errors: ${message}`);
}

export function accessDenied(message: string): Rejection {
  return new Rejection({ type: 'AccessDeniedException', status: 403, message });
}

export function resourceNotFound(message: string): Rejection {
  return new Rejection({ type: 'ResourceNotFoundException', status: 404, message });
}
