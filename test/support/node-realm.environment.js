'use strict';
/**
 * Jest runs each test file in a separate V8 context, so errors made by Node's own modules (sockets, http2)
 * are not `instanceof Error` in code under test. The AWS SDK checks exactly that and, failing it, replaces
 * a refused connection with a generic wrapper — behaviour production never shows. This environment points
 * the context's error constructors at Node's, so the gateway under test sees errors as it would in
 * production.
 */
const { TestEnvironment } = require('jest-environment-node');

const ERRORS = [
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
];

class NodeRealmEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ERRORS) this.global[name] = globalThis[name];
  }
}

module.exports = NodeRealmEnvironment;
