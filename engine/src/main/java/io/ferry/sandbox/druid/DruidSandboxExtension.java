package io.ferry.sandbox.druid;

import io.ferry.druid.DruidClient;
import io.ferry.sandbox.SandboxStartException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Set;

/**
 * JUnit 5 extension that gives tests a real local Druid and Kafka: {@code @ExtendWith(DruidSandboxExtension.class)},
 * then ask for a {@link DruidCluster}, {@link DruidEndpoints} or {@link DruidClient} parameter.
 *
 * <p>The cluster starts once per test JVM (kept in the root store, shared by every test class) and is stopped when
 * the run ends, whether tests passed or failed. A failed start fails the tests that need it, with the service and
 * the end of its log; nothing is skipped. The directory is {@code target/ferry-druid}, or the system property
 * {@value #DIR_PROPERTY}; the jars come from {@link DruidRuntime#locate()}.
 */
public final class DruidSandboxExtension implements BeforeAllCallback, ParameterResolver {
    public static final String DIR_PROPERTY = "ferry.druid.dir";

    private static final Logger LOG = LoggerFactory.getLogger(DruidSandboxExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DruidSandboxExtension.class);
    private static final Set<Class<?>> INJECTABLE = Set.of(DruidCluster.class, DruidEndpoints.class, DruidClient.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTABLE.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DruidCluster cluster = cluster(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == DruidCluster.class) {
            return cluster;
        }
        if (type == DruidEndpoints.class) {
            return cluster.endpoints();
        }
        if (type == DruidClient.class) {
            return cluster.client();
        }
        throw new ParameterResolutionException("DruidSandboxExtension cannot provide a " + type.getName());
    }

    static DruidCluster cluster(ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
        return running.clusterOrFail();
    }

    static Path root() {
        String configured = System.getProperty(DIR_PROPERTY);
        return configured != null ? Path.of(configured) : Path.of("target", "ferry-druid");
    }

    /** The store value: the cluster, or why it did not start (so later test classes fail at once, not after another try). */
    @SuppressWarnings("deprecation") // CloseableResource: still what JUnit 5 closes at the end of the run
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final DruidCluster cluster;
        private final SandboxStartException failure;

        private Running(DruidCluster cluster, SandboxStartException failure) {
            this.cluster = cluster;
            this.failure = failure;
        }

        static Running start() {
            try {
                return new Running(DruidCluster.start(root(), message -> LOG.info("druid: {}", message)), null);
            } catch (SandboxStartException e) {
                return new Running(null, e);
            }
        }

        DruidCluster clusterOrFail() {
            if (failure != null) {
                throw new IllegalStateException("The test Druid did not start, so this test cannot run: " + failure.getMessage(), failure);
            }
            return cluster;
        }

        @Override
        public void close() {
            if (cluster != null) {
                LOG.info("druid: resident memory at the end of the run (MiB): {}", cluster.residentMegabytes());
                cluster.close();
            }
        }
    }
}
