package io.ferry.connection;

import io.ferry.config.Secret;
import io.ferry.config.SecretRef;
import io.ferry.config.SecretResolutionException;
import io.ferry.config.SecretResolver;

import java.util.Optional;

/** Resolves a connection's secret references for a check, turning a failure into a {@link CheckFailure}. */
final class SecretLookup {
    private final SecretResolver resolver;

    SecretLookup(SecretResolver resolver) {
        this.resolver = resolver;
    }

    Optional<Secret> resolve(String key, Optional<SecretRef> reference) throws CheckFailure {
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(resolve(key, reference.get()));
    }

    Secret resolve(String key, SecretRef reference) throws CheckFailure {
        try {
            return resolver.resolve(reference);
        } catch (SecretResolutionException e) {
            throw new CheckFailure("secret reference not resolvable: " + key + " " + e.getMessage());
        }
    }
}
