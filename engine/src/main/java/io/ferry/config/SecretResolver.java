package io.ferry.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns {@link SecretRef}s into {@link Secret}s: reads the environment variable, the owner-only file, or
 * the AWS Secrets Manager secret. Every resolved value is registered with {@link SecretRegistry} so logs
 * mask it. Failures are {@link SecretResolutionException}s that say what to fix.
 */
public final class SecretResolver {
    private static final Set<PosixFilePermission> NOT_FOR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, String> environment;
    private final AwsSecretsManagerReader secretsManager;

    /**
     * @param environment    reads an environment variable (null when unset); {@code System::getenv} in production
     * @param secretsManager fetches AWS Secrets Manager secrets
     */
    public SecretResolver(Function<String, String> environment, AwsSecretsManagerReader secretsManager) {
        this.environment = Objects.requireNonNull(environment);
        this.secretsManager = Objects.requireNonNull(secretsManager);
    }

    /**
     * The resolver for a configuration: the process environment, and Secrets Manager with the credentials of
     * the configuration's first {@code aws} connection (or the default AWS credential chain).
     */
    public static SecretResolver forConfig(FerryConfig config) {
        Function<String, String> env = System::getenv;
        SecretResolver forKeys = new SecretResolver(env, AwsSecretsManagerReader.unavailable(
                "AWS keys cannot themselves come from AWS Secrets Manager; use env: or file:"));
        return new SecretResolver(env, new AwsSecretsManagerReader(
                config.connections(AwsConnectionConfig.class).stream().findFirst(), forKeys));
    }

    public Secret resolve(SecretRef reference) {
        Secret secret;
        if (reference instanceof SecretRef.Env env) {
            secret = fromEnvironment(env);
        } else if (reference instanceof SecretRef.File file) {
            secret = fromFile(file);
        } else {
            secret = fromSecretsManager((SecretRef.AwsSecretsManager) reference);
        }
        SecretRegistry.register(secret);
        return secret;
    }

    private Secret fromEnvironment(SecretRef.Env ref) {
        String value = environment.apply(ref.variable());
        if (value == null) {
            throw new SecretResolutionException(ref, "the environment variable " + ref.variable() + " is not set;"
                    + " export it before starting Ferry");
        }
        if (value.isEmpty()) {
            throw new SecretResolutionException(ref, "the environment variable " + ref.variable() + " is empty");
        }
        return Secret.of(value);
    }

    private Secret fromFile(SecretRef.File ref) {
        Path path = ref.path();
        try {
            if (Files.isDirectory(path)) {
                throw new SecretResolutionException(ref, path + " is a folder, not a file");
            }
            Set<PosixFilePermission> permissions = posixPermissions(path);
            if (permissions != null && permissions.stream().anyMatch(NOT_FOR_OTHERS::contains)) {
                throw new SecretResolutionException(ref, path + " is accessible by group/others (mode "
                        + PosixFilePermissions.toString(permissions) + "); a secret file must be readable by its"
                        + " owner only. Fix it with: chmod 600 " + path);
            }
            String value = Files.readString(path, StandardCharsets.UTF_8);
            value = value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
                    : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
            if (value.isEmpty()) {
                throw new SecretResolutionException(ref, path + " is empty");
            }
            return Secret.of(value);
        } catch (NoSuchFileException e) {
            throw new SecretResolutionException(ref, "the file " + path + " does not exist");
        } catch (AccessDeniedException e) {
            throw new SecretResolutionException(ref, "the file " + path + " cannot be read by this user ("
                    + System.getProperty("user.name") + ")");
        } catch (IOException e) {
            throw new SecretResolutionException(ref, "the file " + path + " cannot be read: " + e.getMessage());
        }
    }

    private static Set<PosixFilePermission> posixPermissions(Path path) throws IOException {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException e) {
            return null; // not a POSIX file system (Windows): its ACLs are the user's business
        }
    }

    private Secret fromSecretsManager(SecretRef.AwsSecretsManager ref) {
        String value = secretsManager.read(ref);
        if (ref.jsonKey().isEmpty()) {
            return Secret.of(value);
        }
        String key = ref.jsonKey().get();
        try {
            JsonNode field = JSON.readTree(value).get(key);
            if (field == null || !field.isValueNode()) {
                throw new SecretResolutionException(ref, "the secret is JSON but has no field '" + key + "'");
            }
            return Secret.of(field.asText());
        } catch (IOException e) {
            throw new SecretResolutionException(ref, "#" + key + " needs a JSON secret, but the secret is not JSON");
        }
    }
}
