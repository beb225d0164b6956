import type { ModelInputs } from '../../../inference/inference';
import type { MediaResolver } from '../../../media/media.service';

/** What mapping an OpenAI chat request needs besides the request: its media, and what the model takes. */
export interface DialectContext {
  media: MediaResolver;
  inputs: ModelInputs;
}
