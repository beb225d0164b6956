import { randomBytes } from 'node:crypto';

/** OpenAI-style ids: a type prefix and 48 hex characters (`resp_…`, `msg_…`, `fc_…`, `rs_…`). */
export const newId = (prefix: 'resp' | 'msg' | 'fc' | 'fco' | 'rs'): string =>
  `${prefix}_${randomBytes(24).toString('hex')}`;
