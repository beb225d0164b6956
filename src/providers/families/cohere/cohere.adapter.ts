import { Injectable } from '@nestjs/common';
import { ConverseAdapter } from '../../converse/converse.adapter';

/**
 * Cohere Command R / R+. Tools, also while streaming, but no explicit toolChoice (`auto` is left out,
 * `required` and named tools are refused): capability data.
 */
@Injectable()
export class CohereAdapter extends ConverseAdapter {
  constructor() {
    super('cohere');
  }
}
