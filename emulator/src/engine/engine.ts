import { handleConverse } from './converse.handler';
import { handleCountTokens } from './count-tokens.handler';
import { Rejection } from './engine.errors';
import { handleInvoke } from './invoke.handler';
import type { EngineOptions, EngineResult, EngineState, RuntimeRequest } from './engine.types';

export interface Engine {
  handle(req: RuntimeRequest): EngineResult;
  state: EngineState;
}

/**
 * The model-behaviour engine: pure and synchronous (engine.types.ts). Rules and generation are
 * documented in emulator/docs/engine.md.
 */
export function createEngine(options: EngineOptions = {}): Engine {
  const state: EngineState = { cachePrefixes: new Map() };

  function dispatch(req: RuntimeRequest): EngineResult {
    switch (req.operation) {
      case 'Converse':
        return handleConverse(req, state, options, false);
      case 'ConverseStream':
        return handleConverse(req, state, options, true);
      case 'InvokeModel':
        return handleInvoke(req, state, options, false);
      case 'InvokeModelWithResponseStream':
        return handleInvoke(req, state, options, true);
      case 'CountTokens':
        return handleCountTokens(req);
    }
  }

  return {
    state,
    handle(req: RuntimeRequest): EngineResult {
      try {
        return dispatch(req);
      } catch (err) {
        if (err instanceof Rejection) return { kind: 'error', error: err.spec };
        throw err;
      }
    },
  };
}
