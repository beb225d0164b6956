import { ConverseFamily } from '../../converse/converse-family';

/**
 * Any model the capability data does not know: the request is sent as the client wrote it (permissive
 * capabilities), and Bedrock's own validation answers for what the model cannot do.
 */
export class GenericFamily extends ConverseFamily {
  readonly family = 'generic';
}

export const family = new GenericFamily();
