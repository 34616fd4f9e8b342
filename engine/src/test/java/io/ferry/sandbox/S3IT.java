package io.ferry.sandbox;

import io.ferry.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SandboxExtension.class)
class S3IT {

    private final S3Endpoint endpoint;

    S3IT(S3Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Test
    void putListAndGet() {
        String prefix = "it/" + UUID.randomUUID() + "/";
        try (S3Client s3 = S3Server.newClient(endpoint)) {
            s3.putObject(b -> b.bucket(endpoint.bucket()).key(prefix + "a.json"), RequestBody.fromString("{\"a\":1}"));
            s3.putObject(b -> b.bucket(endpoint.bucket()).key(prefix + "b.json"), RequestBody.fromString("{\"b\":\"é🚀\"}"));

            List<String> keys = s3.listObjectsV2(b -> b.bucket(endpoint.bucket()).prefix(prefix)).contents().stream()
                    .map(S3Object::key).toList();
            assertThat(keys).containsExactly(prefix + "a.json", prefix + "b.json");

            String body = s3.getObjectAsBytes(b -> b.bucket(endpoint.bucket()).key(prefix + "b.json")).asUtf8String();
            assertThat(body).isEqualTo("{\"b\":\"é🚀\"}");
        }
    }

    @Test
    void multipartUploadIsReassembled() {
        String key = "it/multipart-" + UUID.randomUUID();
        byte[] part1 = filled(5 * 1024 * 1024, (byte) 'a'); // S3's minimum size for all parts but the last
        byte[] part2 = filled(1024, (byte) 'b');
        try (S3Client s3 = S3Server.newClient(endpoint)) {
            String uploadId = s3.createMultipartUpload(b -> b.bucket(endpoint.bucket()).key(key)).uploadId();
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (byte[] part : List.of(part1, part2)) {
                int n = number++;
                String etag = s3.uploadPart(b -> b.bucket(endpoint.bucket()).key(key).uploadId(uploadId).partNumber(n),
                        RequestBody.fromBytes(part)).eTag();
                parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(endpoint.bucket()).key(key).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));

            byte[] stored = s3.getObjectAsBytes(b -> b.bucket(endpoint.bucket()).key(key)).asByteArray();
            assertThat(stored).hasSize(part1.length + part2.length);
            assertThat(Arrays.copyOfRange(stored, 0, part1.length)).isEqualTo(part1);
            assertThat(Arrays.copyOfRange(stored, part1.length, stored.length)).isEqualTo(part2);
        }
    }

    @Test
    void aPresignedUrlWorksWithoutCredentials() throws Exception {
        String key = "it/presigned-" + UUID.randomUUID() + ".txt";
        try (S3Client s3 = S3Server.newClient(endpoint); S3Presigner presigner = S3Server.newPresigner(endpoint)) {
            s3.putObject(b -> b.bucket(endpoint.bucket()).key(key), RequestBody.fromString("shared via a link"));
            URI url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(endpoint.bucket()).key(key))).url().toURI();

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("shared via a link");

            HttpResponse<String> unsigned = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(endpoint.endpoint() + "/" + endpoint.bucket() + "/" + key)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).as("the same object without a signature").isEqualTo(403);
        }
    }

    @Test
    void aWrongSecretKeyIsRefused() {
        S3Endpoint wrong = new S3Endpoint(endpoint.endpoint(), endpoint.region(), endpoint.bucket(), endpoint.accessKey(),
                Secret.of("not-the-secret-key-not-the-secret-key-00"), null, null);
        try (S3Client s3 = S3Server.newClient(wrong)) {
            assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket(endpoint.bucket())))
                    .isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
        }
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
