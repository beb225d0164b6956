/** Placeholder until the constraint table lands: accepts every body. */
export function validateShape(_operation: string, _body: unknown, _modelId: string): void {}
