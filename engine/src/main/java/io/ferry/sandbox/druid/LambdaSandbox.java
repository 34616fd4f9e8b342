package io.ferry.sandbox.druid;

import io.ferry.druid.DruidClient;
import io.ferry.druid.KafkaSupervisorSpec;
import io.ferry.druid.lambda.AdEvent;
import io.ferry.druid.lambda.AdEventGenerator;
import io.ferry.druid.lambda.AdEventProducer;
import io.ferry.druid.lambda.AdEventsDatasource;
import io.ferry.druid.lambda.DeliveryReport;
import io.ferry.druid.lambda.FaultPlan;
import io.ferry.druid.lambda.HourManifest;
import io.ferry.druid.lambda.KafkaTopics;
import io.ferry.druid.lambda.RawEventStore;
import io.ferry.druid.lambda.RawEventWriter;
import io.ferry.sandbox.S3Endpoint;
import io.ferry.sandbox.S3Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The sandbox's lambda setup on a running Druid and Kafka: the {@code ad_events} topic, the Kafka supervisor, the
 * last hours of synthetic events sent through Kafka (with a few dropped and doubled) and written whole as raw hourly
 * files to S3, then a live feed that sends each event of the current hour when its time comes and writes the hour's
 * raw files once it is over. {@link #close} stops the feed; the supervisor stays (it dies with Druid).
 */
public final class LambdaSandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LambdaSandbox.class);
    public static final int PARTITIONS = 2;
    /** Room between the oldest back-filled event and the late-message limit of the first real-time task. */
    static final Duration REJECTION_MARGIN = Duration.ofMinutes(10);

    /** What to produce: hours back-filled before now, events per hour, faults, seed, the late-message limit. */
    public record Options(int backfillHours, int eventsPerHour, double dropFraction, double duplicateFraction, long seed,
                          Duration lateMessageRejection, boolean live) {
        public Options {
            if (backfillHours < 0 || eventsPerHour < 0) {
                throw new IllegalArgumentException("hours and events per hour must not be negative");
            }
            new FaultPlan(seed, dropFraction, duplicateFraction); // validates the fractions
        }

        public static Options defaults() {
            return new Options(2, 36_000, 0.01, 0.01, 42, rejectionFor(2), true);
        }

        /**
         * The shortest late-message rejection period that keeps {@code backfillHours} whole hours before now: the
         * oldest back-filled event may be up to {@code backfillHours + 1} hours old when the first task starts.
         */
        public static Duration rejectionFor(int backfillHours) {
            return Duration.ofHours(backfillHours + 1L).plus(REJECTION_MARGIN);
        }

        FaultPlan faults() {
            return new FaultPlan(seed, dropFraction, duplicateFraction);
        }

        /** Refuses back-filled hours the real-time tasks would throw away as late. */
        public void checkBackfillFitsRejection(Instant now) {
            Instant oldest = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(backfillHours));
            Instant limit = now.minus(lateMessageRejection).plus(REJECTION_MARGIN);
            if (backfillHours > 0 && oldest.isBefore(limit)) {
                long needed = (Duration.between(oldest, now).plus(REJECTION_MARGIN).toSeconds() + 59) / 60;
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%d back-filled hours start at %s, but real-time tasks refuse events older than %s before they start "
                                + "(lateMessageRejectionPeriod); use fewer hours or a rejection period of at least %d minutes",
                        backfillHours, oldest, lateMessageRejection, needed));
            }
        }
    }

    private final Options options;
    private final AdEventGenerator generator;
    private final AdEventProducer producer;
    private final S3Client s3;
    private final RawEventWriter writer;
    private final KafkaSupervisorSpec supervisor;
    private final String supervisorId;
    private final DeliveryReport backfill;
    private final List<HourManifest> backfillFiles;
    private final Instant backfillFrom;
    private final Instant backfillTo;
    private final AtomicInteger liveHoursWritten = new AtomicInteger();
    private volatile String liveError;
    private final Thread feed;

    private LambdaSandbox(Options options, AdEventProducer producer, S3Client s3, RawEventWriter writer,
                          KafkaSupervisorSpec supervisor, String supervisorId, DeliveryReport backfill,
                          List<HourManifest> backfillFiles, Instant backfillFrom, Instant backfillTo) {
        this.options = options;
        this.generator = new AdEventGenerator(options.seed());
        this.producer = producer;
        this.s3 = s3;
        this.writer = writer;
        this.supervisor = supervisor;
        this.supervisorId = supervisorId;
        this.backfill = backfill;
        this.backfillFiles = backfillFiles;
        this.backfillFrom = backfillFrom;
        this.backfillTo = backfillTo;
        this.feed = new Thread(this::runFeed, "ferry-ad-events-feed");
        this.feed.setDaemon(true);
    }

    /**
     * Creates the topic, submits the supervisor, back-fills the last {@code backfillHours} whole hours through Kafka
     * and as raw files, and (if {@code live}) starts the live feed of the current hour.
     */
    public static LambdaSandbox start(DruidEndpoints druid, S3Endpoint s3Endpoint, Options options, Consumer<String> progress)
            throws Exception {
        return start(druid, s3Endpoint, AdEventsDatasource.NAME, AdEventsDatasource.TOPIC, options, progress);
    }

    /** As above into another datasource and topic (tests share one Druid). */
    public static LambdaSandbox start(DruidEndpoints druid, S3Endpoint s3Endpoint, String dataSource, String topic,
                                      Options options, Consumer<String> progress) throws Exception {
        Instant now = Instant.now();
        options.checkBackfillFitsRejection(now);
        String kafka = druid.kafkaBootstrapServers();
        int partitions = KafkaTopics.ensure(kafka, topic, PARTITIONS);
        progress.accept("Kafka topic " + topic + " ready (" + partitions + " partitions)");

        KafkaSupervisorSpec spec = AdEventsDatasource.supervisor(dataSource, topic, kafka)
                .lateMessageRejectionPeriod(options.lateMessageRejection());
        DruidClient client = druid.client();
        String id = client.supervisors().submit(spec);
        progress.accept("Kafka supervisor " + id + " submitted (taskDuration " + spec.taskDuration() + ", completionTimeout "
                + spec.completionTimeout() + ", lateMessageRejectionPeriod " + spec.lateMessageRejectionPeriod()
                + ", earliest offsets)");

        AdEventProducer producer = new AdEventProducer(kafka, topic);
        S3Client s3 = S3Server.newClient(s3Endpoint);
        try {
            RawEventWriter writer = new RawEventWriter(RawEventStore.s3(s3, s3Endpoint.bucket()));
            AdEventGenerator generator = new AdEventGenerator(options.seed());
            Instant to = now.truncatedTo(ChronoUnit.HOURS);
            Instant from = to.minus(Duration.ofHours(options.backfillHours()));
            DeliveryReport report = DeliveryReport.EMPTY;
            List<HourManifest> files = new ArrayList<>();
            for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
                List<AdEvent> events = generator.hour(hour, options.eventsPerHour());
                report = report.plus(producer.send(events, options.faults(), 0));
                files.add(writer.writeHour(hour, events));
            }
            if (options.backfillHours() > 0) {
                progress.accept(String.format(Locale.ROOT,
                        "Produced %,d events for %s .. %s: %,d dropped, %,d sent twice (%,d expected in Druid); raw files in %s%s",
                        report.events(), from, to, report.dropped(), report.duplicated(), report.expectedInDruid(),
                        writer.store().describe(), writer.layout().prefix()));
            }
            LambdaSandbox lambda = new LambdaSandbox(options, producer, s3, writer, spec, id, report, files, from, to);
            if (options.live()) {
                lambda.feed.start();
            }
            return lambda;
        } catch (Exception | Error e) {
            producer.close();
            s3.close();
            throw e;
        }
    }

    private void runFeed() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        try {
            while (true) {
                Instant end = hour.plus(Duration.ofHours(1));
                List<AdEvent> events = generator.hour(hour, options.eventsPerHour());
                producer.sendFollowingClock(events, options.faults(), end);
                long wait = end.toEpochMilli() - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                writer.writeHour(hour, events); // the hour is over: its raw files are complete
                liveHoursWritten.incrementAndGet();
                hour = end;
            }
        } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt(); // close(): the current hour is incomplete, so it gets no raw files
        } catch (Exception e) {
            liveError = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warn("The live ad event feed stopped: {}", liveError);
        }
    }

    public String supervisorId() {
        return supervisorId;
    }

    public KafkaSupervisorSpec supervisorSpec() {
        return supervisor;
    }

    /** What the back-fill sent and lost. */
    public DeliveryReport backfill() {
        return backfill;
    }

    public List<HourManifest> backfillFiles() {
        return backfillFiles;
    }

    public Instant backfillFrom() {
        return backfillFrom;
    }

    public Instant backfillTo() {
        return backfillTo;
    }

    public RawEventWriter writer() {
        return writer;
    }

    /** Kafka messages acknowledged so far, back-fill and live feed together. */
    public long messagesSent() {
        return producer.messagesSent();
    }

    public int liveHoursWritten() {
        return liveHoursWritten.get();
    }

    /** Why the live feed stopped, or null while it runs (or was not started). */
    public String liveError() {
        return liveError;
    }

    @Override
    public void close() {
        feed.interrupt();
        try {
            feed.join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
        s3.close();
    }
}
