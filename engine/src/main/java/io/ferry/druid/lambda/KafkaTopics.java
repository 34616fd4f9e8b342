package io.ferry.druid.lambda;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates and describes Kafka topics (Kafka's admin API). */
public final class KafkaTopics {
    private static final long TIMEOUT_SECONDS = 30;

    private KafkaTopics() {
    }

    /**
     * Creates {@code topic} with {@code partitions} partitions (replication factor 1) unless it exists, and returns
     * its partition count, which for an existing topic may differ.
     */
    public static int ensure(String bootstrapServers, String topic, int partitions) {
        try (Admin admin = admin(bootstrapServers)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw failure("create topic " + topic, bootstrapServers, e.getCause());
                }
            }
            return describe(admin, bootstrapServers, topic).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topic " + topic, e);
        } catch (TimeoutException e) {
            throw failure("create topic " + topic, bootstrapServers, e);
        }
    }

    /** The partition count of an existing topic. */
    public static int partitions(String bootstrapServers, String topic) {
        try (Admin admin = admin(bootstrapServers)) {
            return describe(admin, bootstrapServers, topic).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing Kafka topic " + topic, e);
        }
    }

    private static TopicDescription describe(Admin admin, String bootstrapServers, String topic) throws InterruptedException {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
        } catch (ExecutionException e) {
            throw failure("describe topic " + topic, bootstrapServers, e.getCause());
        } catch (TimeoutException e) {
            throw failure("describe topic " + topic, bootstrapServers, e);
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "ferry-topics",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
    }

    private static IllegalStateException failure(String what, String bootstrapServers, Throwable cause) {
        return new IllegalStateException("Kafka at " + bootstrapServers + " could not " + what + ": "
                + (cause.getMessage() == null ? cause.toString() : cause.getMessage()), cause);
    }
}
