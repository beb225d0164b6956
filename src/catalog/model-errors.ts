import { ApiError } from '../common/errors/api-error';

/** OpenAI's answer for a model that does not exist or is not available to the caller. */
export const modelNotFound = (model: string, param: string | null = 'model'): ApiError =>
  new ApiError(404, `The model '${model}' does not exist or you do not have access to it.`, {
    param,
    code: 'model_not_found',
  });
