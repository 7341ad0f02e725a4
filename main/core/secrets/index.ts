export { createAesCipher, VAULT_KEY_ENV } from './aes-cipher';
export { vaultProblems, type SecretCipher, type Unsealed, type VaultProblemCode, type VaultStatus } from './cipher';
export { loadAppEnv, loadEnvFile, parseEnv, readAppEnv, secretEnvKeys, secretEnvValues, type AppEnv, type EnvRecord } from './env';
export { VaultError } from './errors';
export { checkSecretName, secretNameSchema, type SecretName } from './names';
export { createRedactor, REDACTED, redactingLogger, type Redactor } from './redact';
export { openSecretFile, type SealedEntries, type SecretFile } from './secret-file';
export { Vault, type VaultOptions } from './vault';
