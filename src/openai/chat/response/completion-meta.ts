/** Identity of one completion, shared by the JSON response and every chunk of a stream. */
export interface CompletionMeta {
  id: string;
  created: number;
  /** The model as the client wrote it (OpenAI clients compare it with what they sent). */
  model: string;
}
