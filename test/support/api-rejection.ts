import OpenAI from 'openai';

/** The error the openai client threw for a request expected to fail (the test fails if it succeeded). */
export async function apiRejection(request: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  const err = await request.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OpenAI.APIError);
  return err as InstanceType<typeof OpenAI.APIError>;
}
