/**
 * Gateway settings as container environment variables. Keys never travel as plain environment variables:
 * they come from Secrets Manager or SSM (API_KEY_SECRET_ARN / API_KEY_PARAM_NAME), which the stack wires.
 */
const SECRET_SETTINGS = ['API_KEY', 'API_KEYS', 'OPENAI_API_KEY'];

export function containerEnvironment(settings: Record<string, string>): Record<string, string> {
  const secrets = Object.keys(settings).filter((name) => SECRET_SETTINGS.includes(name));
  if (secrets.length > 0) {
    throw new Error(
      `${secrets.join(', ')}: API keys are not passed as environment variables; the stack stores the key in ` +
        'Secrets Manager (or give apiKeyParameterName for an SSM parameter).',
    );
  }
  const bad = Object.keys(settings).filter((name) => !/^[A-Z][A-Z0-9_]*$/.test(name));
  if (bad.length > 0) throw new Error(`Not a setting name: ${bad.join(', ')}`);
  return { ...settings };
}
