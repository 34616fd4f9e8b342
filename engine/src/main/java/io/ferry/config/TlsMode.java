package io.ferry.config;

/** How a database connection uses TLS; the names are those of libpq's sslmode. */
public enum TlsMode {
    /** Never TLS. */
    DISABLE("disable"),
    /** TLS when the server offers it, plain otherwise. */
    PREFER("prefer"),
    /** TLS or fail; the certificate is not checked. */
    REQUIRE("require"),
    /** TLS and a certificate signed by a trusted CA. */
    VERIFY_CA("verify-ca"),
    /** TLS, a trusted certificate, and the host name must match it. */
    VERIFY_FULL("verify-full");

    private final String yamlName;

    TlsMode(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public boolean requiresTls() {
        return this != DISABLE && this != PREFER;
    }
}
