// Runs in a child process so the SDK resolves endpoints and tokens from a clean environment
// (AWS_ENDPOINT_URL_BEDROCK_RUNTIME, AWS_ENDPOINT_URL_BEDROCK, AWS_ENDPOINT_URL_SECRETS_MANAGER,
// AWS_ENDPOINT_URL_SSM, AWS_BEARER_TOKEN_BEDROCK), exactly as the gateway will.
const { BedrockRuntimeClient, ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');
const { BedrockClient, ListFoundationModelsCommand } = require('@aws-sdk/client-bedrock');
const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');
const { SSMClient, GetParameterCommand } = require('@aws-sdk/client-ssm');

async function main() {
  const [model, secretId, parameter] = process.argv.slice(2);
  const converse = await new BedrockRuntimeClient({}).send(
    new ConverseCommand({ modelId: model, messages: [{ role: 'user', content: [{ text: 'from env' }] }] }),
  );
  const models = await new BedrockClient({}).send(new ListFoundationModelsCommand({}));
  const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretId }));
  const param = await new SSMClient({}).send(new GetParameterCommand({ Name: parameter }));
  process.stdout.write(
    JSON.stringify({
      stopReason: converse.stopReason,
      models: (models.modelSummaries || []).length,
      secret: secret.SecretString,
      parameter: param.Parameter && param.Parameter.Value,
    }),
  );
}

main().catch((error) => {
  process.stderr.write(`${error.name}: ${error.message}\n`);
  process.exit(1);
});
