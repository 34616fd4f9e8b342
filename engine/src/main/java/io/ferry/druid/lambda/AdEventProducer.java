package io.ferry.druid.lambda;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends ad events to a Kafka topic as JSON messages keyed by event id, at a given rate, losing and repeating the
 * events a {@link FaultPlan} says (and reporting exactly which). The Kafka producer itself is idempotent with
 * {@code acks=all}, so the only losses and duplicates are the planned ones. Thread-safe for one sender at a time.
 */
public final class AdEventProducer implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final AtomicLong messagesSent = new AtomicLong();

    public AdEventProducer(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "ferry-ad-events",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
                new StringSerializer(), new StringSerializer());
    }

    public String topic() {
        return topic;
    }

    /** Kafka messages acknowledged so far by this producer (duplicates count twice). */
    public long messagesSent() {
        return messagesSent.get();
    }

    /**
     * Sends {@code events} with the plan's faults, at most {@code eventsPerSecond} messages a second (0 or less:
     * as fast as Kafka takes them), and returns once Kafka has acknowledged every message.
     *
     * @throws KafkaSendException if any message was not acknowledged (the report says what was planned)
     */
    public DeliveryReport send(List<AdEvent> events, FaultPlan faults, double eventsPerSecond) throws InterruptedException {
        FaultPlan.Delivery delivery = faults.apply(events);
        Pacer pacer = new Pacer(eventsPerSecond);
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (AdEvent e : delivery.messages()) {
            pacer.await();
            sendOne(e, failure);
        }
        flush(failure, delivery.messages().size());
        return delivery.report();
    }

    /**
     * Sends each event once the wall clock has reached its timestamp (events already in the past at once), with
     * the plan's faults, and returns when every event is sent, or when {@code until} has passed and every event
     * due by then is sent (reporting only those). For a live feed; interrupting the thread stops it.
     */
    public DeliveryReport sendFollowingClock(List<AdEvent> events, FaultPlan faults, Instant until) throws InterruptedException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        DeliveryReport report = DeliveryReport.EMPTY;
        int i = 0;
        int sent = 0;
        while (i < events.size()) {
            Instant now = Instant.now();
            int j = i;
            while (j < events.size() && !events.get(j).ts().isAfter(now)) {
                j++;
            }
            if (j > i) {
                FaultPlan.Delivery delivery = faults.apply(events.subList(i, j));
                delivery.messages().forEach(e -> sendOne(e, failure));
                sent += delivery.messages().size();
                report = report.plus(delivery.report());
                i = j;
                continue;
            }
            if (!now.isBefore(until)) {
                break;
            }
            long wait = Math.min(events.get(i).ts().toEpochMilli(), until.toEpochMilli()) - now.toEpochMilli();
            Thread.sleep(Math.max(1, Math.min(wait, 200)));
        }
        flush(failure, sent);
        return report;
    }

    private void sendOne(AdEvent e, AtomicReference<Exception> failure) {
        producer.send(new ProducerRecord<>(topic, e.id(), e.toJson()), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            } else {
                messagesSent.incrementAndGet();
            }
        });
    }

    private void flush(AtomicReference<Exception> failure, int messages) {
        producer.flush();
        Exception error = failure.get();
        if (error != null) {
            throw new KafkaSendException("Kafka did not acknowledge every one of " + messages + " messages to topic " + topic
                    + ": " + error.getMessage(), error);
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }

    /** A message Kafka did not take. */
    public static final class KafkaSendException extends RuntimeException {
        KafkaSendException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Spaces calls {@code 1/rate} seconds apart on average, catching up after a slow call. */
    private static final class Pacer {
        private final long nanosPerEvent;
        private final long start = System.nanoTime();
        private long count;

        Pacer(double perSecond) {
            this.nanosPerEvent = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
        }

        void await() throws InterruptedException {
            if (nanosPerEvent == 0) {
                return;
            }
            long due = start + count++ * nanosPerEvent;
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }
}
