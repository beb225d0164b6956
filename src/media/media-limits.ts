/** Bedrock's limits on inline media (Message in the Converse service model): 3.75 MB per image, 4.5 MB per document. */
export const MAX_IMAGE_BYTES = 3_750_000;
export const MAX_DOCUMENT_BYTES = 4_500_000;
export const MAX_IMAGES = 20;
export const MAX_DOCUMENTS = 5;
