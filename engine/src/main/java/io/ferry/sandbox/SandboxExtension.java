package io.ferry.sandbox;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.nio.file.Path;
import java.util.Set;

/**
 * JUnit 5 extension that gives tests the real sandbox: {@code @ExtendWith(SandboxExtension.class)}, then ask
 * for a {@link Sandbox}, {@link SandboxEndpoints}, {@link S3Endpoint} or {@link PgBouncerServer} parameter
 * (constructor or method). The tests' sandbox always runs pgbouncer in front of its PostgreSQL (the Redshift
 * dialect's ITs reach the warehouse through it with the Redshift JDBC driver).
 *
 * <p>The sandbox is started once per test run (kept in the root store, shared by every test class in the JVM)
 * and stopped when the run ends, even after failures. A server that cannot start fails the tests with the
 * reason; nothing is skipped. The root directory is {@code target/ferry-sandbox} under the working
 * directory, or the system property {@value #DIR_PROPERTY}; {@value #SYSTEM_MARIADB_PROPERTY}=true uses the
 * system mariadbd.
 */
public final class SandboxExtension implements BeforeAllCallback, ParameterResolver {
    public static final String DIR_PROPERTY = "ferry.sandbox.dir";
    public static final String SYSTEM_MARIADB_PROPERTY = "ferry.sandbox.systemMariaDb";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SandboxExtension.class);
    private static final Set<Class<?>> INJECTABLE = Set.of(Sandbox.class, SandboxEndpoints.class, S3Endpoint.class,
            PgBouncerServer.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTABLE.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Sandbox sandbox = sandbox(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Sandbox.class) {
            return sandbox;
        }
        if (type == SandboxEndpoints.class) {
            return sandbox.endpoints();
        }
        if (type == S3Endpoint.class) {
            return sandbox.endpoints().s3();
        }
        if (type == PgBouncerServer.class) {
            return sandbox.pgBouncer();
        }
        throw new ParameterResolutionException("SandboxExtension cannot provide a " + type.getName());
    }

    /** The run's sandbox, started on first use; throws (failing the test) if it could not start. */
    static Sandbox sandbox(ExtensionContext context) {
        RunningSandbox running = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningSandbox.class, k -> RunningSandbox.start(), RunningSandbox.class);
        return running.sandboxOrFail();
    }

    static Path root() {
        String configured = System.getProperty(DIR_PROPERTY);
        return configured != null ? Path.of(configured) : Path.of("target", "ferry-sandbox");
    }

    /**
     * The store value: the sandbox or why it failed to start (remembered, so that the second test class does
     * not wait for another failing start). Closed by JUnit when the run ends.
     */
    @SuppressWarnings("deprecation") // CloseableResource: still what JUnit 5 closes at the end of the run
    private static final class RunningSandbox implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final Sandbox sandbox;
        private final SandboxStartException failure;

        private RunningSandbox(Sandbox sandbox, SandboxStartException failure) {
            this.sandbox = sandbox;
            this.failure = failure;
        }

        static RunningSandbox start() {
            // Route java.util.logging (the binlog client's) through SLF4J, so the test output stays one format.
            if (!SLF4JBridgeHandler.isInstalled()) {
                SLF4JBridgeHandler.removeHandlersForRootLogger();
                SLF4JBridgeHandler.install();
            }
            MariaDbServer.Binaries binaries = Boolean.getBoolean(SYSTEM_MARIADB_PROPERTY)
                    ? MariaDbServer.Binaries.SYSTEM : MariaDbServer.Binaries.BUNDLED;
            try {
                Sandbox sandbox = Sandbox.start(new SandboxOptions(root(), binaries).withPgBouncer(), message -> LOG.info("sandbox: {}", message));
                return new RunningSandbox(sandbox, null);
            } catch (SandboxStartException e) {
                return new RunningSandbox(null, e);
            }
        }

        Sandbox sandboxOrFail() {
            if (failure != null) {
                throw new IllegalStateException("The test sandbox did not start, so this test cannot run: " + failure.getMessage(), failure);
            }
            return sandbox;
        }

        @Override
        public void close() {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
