package io.ferry.config;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real AWS SDK v2 client against a local HTTP peer that speaks Secrets Manager's JSON protocol
 * (AWS itself cannot be reached from here). The peer answers GetSecretValue for two known ARNs and
 * ResourceNotFoundException otherwise.
 */
class AwsSecretsManagerReaderTest {
    private static final String PLAIN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ferry/shop-AbCdEf";
    private static final String RDS = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-1234";

    private HttpServer peer;
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startPeer() throws IOException {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/", exchange -> {
            targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String answer;
            int status = 200;
            if (body.contains(PLAIN)) {
                answer = "{\"ARN\":\"" + PLAIN + "\",\"Name\":\"ferry/shop\",\"SecretString\":\"from-asm\"}";
            } else if (body.contains(RDS)) {
                answer = "{\"ARN\":\"" + RDS + "\",\"SecretString\":\"{\\\"username\\\":\\\"admin\\\","
                        + "\\\"password\\\":\\\"rds-managed\\\"}\"}";
            } else {
                status = 400;
                answer = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the"
                        + " specified secret.\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        peer.start();
    }

    @AfterEach
    void stopPeer() {
        peer.stop(0);
        SecretRegistry.clear();
    }

    @Test
    void aSecretIsFetchedWithTheKeysOfTheAwsConnection() {
        SecretResolver resolver = resolver();

        assertThat(resolver.resolve(SecretRef.parse(PLAIN, null)).reveal()).isEqualTo("from-asm");
        assertThat(targets).containsExactly("secretsmanager.GetSecretValue");
        assertThat(authorizations.get(0)).contains("Credential=AKIAFERRYTEST/").contains("/eu-west-1/secretsmanager/");
    }

    @Test
    void aJsonKeyPicksOneFieldOfAnRdsManagedSecret() {
        assertThat(resolver().resolve(SecretRef.parse(RDS + "#password", null)).reveal()).isEqualTo("rds-managed");
        assertThatThrownBy(() -> resolver().resolve(SecretRef.parse(RDS + "#pass", null)))
                .hasMessage(RDS + "#pass: the secret is JSON but has no field 'pass'");
    }

    @Test
    void anUnknownSecretIsAPreciseError() {
        String unknown = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:nope";

        assertThatThrownBy(() -> resolver().resolve(SecretRef.parse(unknown, null)))
                .isInstanceOf(SecretResolutionException.class)
                .hasMessage(unknown + ": AWS Secrets Manager has no such secret");
    }

    private SecretResolver resolver() {
        AwsConnectionConfig aws = new AwsConnectionConfig("aws", "eu-west-1",
                Optional.of(new AwsKeys(new SecretRef.Env("AK"), new SecretRef.Env("SK"))),
                Optional.of(URI.create("http://127.0.0.1:" + peer.getAddress().getPort())));
        Map<String, String> env = Map.of("AK", "AKIAFERRYTEST", "SK", "test-secret-key");
        SecretResolver keys = new SecretResolver(env::get, AwsSecretsManagerReader.unavailable("unused"));
        return new SecretResolver(env::get, new AwsSecretsManagerReader(Optional.of(aws), keys));
    }
}
