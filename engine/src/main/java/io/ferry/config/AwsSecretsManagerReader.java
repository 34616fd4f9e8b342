package io.ferry.config;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.time.Duration;
import java.util.Optional;

/**
 * Fetches secret strings from AWS Secrets Manager with the AWS SDK v2, in the region of the ARN, with the
 * keys of an {@code aws} connection (its {@code endpoint} too) or the default credential chain.
 */
public class AwsSecretsManagerReader {
    private final Optional<AwsConnectionConfig> account;
    private final SecretResolver keyResolver;

    /**
     * @param account     the aws connection whose keys and endpoint to use; empty: default chain, real AWS
     * @param keyResolver resolves that connection's key references
     */
    public AwsSecretsManagerReader(Optional<AwsConnectionConfig> account, SecretResolver keyResolver) {
        this.account = account;
        this.keyResolver = keyResolver;
    }

    /** A reader that refuses, saying why. */
    static AwsSecretsManagerReader unavailable(String reason) {
        return new AwsSecretsManagerReader(Optional.empty(), null) {
            @Override
            public String read(SecretRef.AwsSecretsManager ref) {
                throw new SecretResolutionException(ref, reason);
            }
        };
    }

    public String read(SecretRef.AwsSecretsManager ref) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .region(Region.of(ref.region()))
                .credentialsProvider(credentials(ref))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(10)).apiCallAttemptTimeout(Duration.ofSeconds(5)));
        account.flatMap(AwsConnectionConfig::endpoint).ifPresent(builder::endpointOverride);
        try (SecretsManagerClient client = builder.build()) {
            GetSecretValueResponse response = client.getSecretValue(r -> r.secretId(ref.arn()));
            if (response.secretString() == null) {
                throw new SecretResolutionException(ref, "the secret holds binary data; Ferry needs a text secret");
            }
            return response.secretString();
        } catch (ResourceNotFoundException e) {
            throw new SecretResolutionException(ref, "AWS Secrets Manager has no such secret");
        } catch (SecretsManagerException e) {
            throw new SecretResolutionException(ref, "AWS Secrets Manager refused: " + errorMessage(e));
        } catch (SdkServiceException e) {
            throw new SecretResolutionException(ref, "AWS Secrets Manager answered HTTP " + e.statusCode());
        } catch (SdkClientException e) {
            throw new SecretResolutionException(ref, "cannot use AWS Secrets Manager in " + ref.region() + ": "
                    + e.getMessage());
        }
    }

    private AwsCredentialsProvider credentials(SecretRef.AwsSecretsManager ref) {
        Optional<AwsKeys> keys = account.flatMap(AwsConnectionConfig::keys);
        if (keys.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        try {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    keyResolver.resolve(keys.get().accessKey()).reveal(),
                    keyResolver.resolve(keys.get().secretKey()).reveal()));
        } catch (SecretResolutionException e) {
            throw new SecretResolutionException(ref, "the keys of aws connection '" + account.get().name()
                    + "' cannot be resolved: " + e.getMessage());
        }
    }

    private static String errorMessage(SecretsManagerException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage()
                : "HTTP " + e.statusCode();
    }
}
