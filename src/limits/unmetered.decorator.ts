import { SetMetadata } from '@nestjs/common';

export const UNMETERED = 'limits:unmetered';

/**
 * Marks a POST route that calls no model (token counting, cancelling a stored response): it is not counted
 * against a key's limits nor held by the in-flight cap. Every other POST route is a model route.
 */
export const Unmetered = () => SetMetadata(UNMETERED, true);
