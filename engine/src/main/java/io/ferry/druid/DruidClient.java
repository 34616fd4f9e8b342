package io.ferry.druid;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * A client of one Druid cluster: {@link #overlord()} for tasks, {@link #supervisors()} for Kafka supervisors,
 * {@link #coordinator()} for segments, rules and
 * servers, {@link #broker()} for SQL. Plain HTTP with {@code java.net.http}; thread-safe.
 */
public final class DruidClient {
    private final OverlordClient overlord;
    private final SupervisorClient supervisors;
    private final CoordinatorClient coordinator;
    private final BrokerClient broker;

    public DruidClient(URI coordinator, URI overlord, URI broker) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        this.coordinator = new CoordinatorClient(new DruidHttp(http, coordinator));
        DruidHttp overlordHttp = new DruidHttp(http, overlord);
        this.overlord = new OverlordClient(overlordHttp);
        this.supervisors = new SupervisorClient(overlordHttp);
        this.broker = new BrokerClient(new DruidHttp(http, broker));
    }

    /** A cluster whose coordinator also runs the overlord (as the sandbox's does). */
    public static DruidClient of(URI coordinatorAndOverlord, URI broker) {
        return new DruidClient(coordinatorAndOverlord, coordinatorAndOverlord, broker);
    }

    public OverlordClient overlord() {
        return overlord;
    }

    /** Streaming (Kafka) supervisors, on the overlord. */
    public SupervisorClient supervisors() {
        return supervisors;
    }

    public CoordinatorClient coordinator() {
        return coordinator;
    }

    public BrokerClient broker() {
        return broker;
    }
}
