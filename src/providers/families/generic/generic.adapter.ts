import { Injectable } from '@nestjs/common';
import { ConverseAdapter } from '../../converse/converse.adapter';

/**
 * Any model the capability data does not know: the request is sent as the client wrote it (permissive
 * capabilities), and Bedrock's own validation answers for what the model cannot do.
 */
@Injectable()
export class GenericConverseAdapter extends ConverseAdapter {
  constructor() {
    super('generic');
  }
}
