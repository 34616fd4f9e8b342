package io.ferry.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a secret lives; ferry.yaml holds only these, never the secret itself. A reference is not secret,
 * so {@link #toString()} shows it as written ({@code env:FERRY_SHOP_PASSWORD}).
 */
public sealed interface SecretRef permits SecretRef.Env, SecretRef.File, SecretRef.AwsSecretsManager {

    String ENV_PREFIX = "env:";
    String FILE_PREFIX = "file:";
    String ARN_PREFIX = "arn:aws:secretsmanager:";

    /** An environment variable of the Ferry process. */
    record Env(String variable) implements SecretRef {
        @Override
        public String toString() {
            return ENV_PREFIX + variable;
        }
    }

    /** A file readable by its owner only (like an ssh key); one trailing newline is not part of the secret. */
    record File(Path path) implements SecretRef {
        @Override
        public String toString() {
            return FILE_PREFIX + path;
        }
    }

    /**
     * A secret in AWS Secrets Manager. When {@code jsonKey} is present the secret is a JSON object
     * (as RDS-managed secrets are) and the value is that field: {@code arn:...:secret:name#password}.
     */
    record AwsSecretsManager(String arn, String region, Optional<String> jsonKey) implements SecretRef {
        @Override
        public String toString() {
            return jsonKey.map(k -> arn + "#" + k).orElse(arn);
        }
    }

    /** True when the text is written as a reference (it may still be malformed). */
    static boolean looksLikeReference(String text) {
        return text.startsWith(ENV_PREFIX) || text.startsWith(FILE_PREFIX) || text.startsWith(ARN_PREFIX);
    }

    /**
     * Parses a reference; relative {@code file:} paths are resolved against {@code baseDir} and {@code ~}
     * expands to the user's home.
     *
     * @throws IllegalArgumentException with a message that does not repeat the text, when malformed
     */
    static SecretRef parse(String text, Path baseDir) {
        if (text.startsWith(ENV_PREFIX)) {
            String name = text.substring(ENV_PREFIX.length());
            if (!ENV_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("an env: reference needs a variable name of letters, digits and _"
                        + " (not starting with a digit), e.g. env:FERRY_SHOP_PASSWORD");
            }
            return new Env(name);
        }
        if (text.startsWith(FILE_PREFIX)) {
            String path = text.substring(FILE_PREFIX.length());
            if (path.isBlank()) {
                throw new IllegalArgumentException("a file: reference needs a path, e.g. file:~/.ferry/secrets/shop");
            }
            return new File(Paths.expand(path, baseDir));
        }
        if (text.startsWith(ARN_PREFIX)) {
            Matcher m = ARN.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("an AWS Secrets Manager reference looks like"
                        + " arn:aws:secretsmanager:<region>:<account>:secret:<name>[#<json key>]");
            }
            return new AwsSecretsManager(m.group(1), m.group(2), Optional.ofNullable(m.group(3)));
        }
        throw new IllegalArgumentException("not a secret reference (env:NAME, file:/path or arn:aws:secretsmanager:...)");
    }

    Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    Pattern ARN = Pattern.compile("(arn:aws:secretsmanager:([a-z0-9-]+):\\d{12}:secret:[A-Za-z0-9/_+=.@!-]+)(?:#([A-Za-z0-9_.-]+))?");
}
