package vn.tuquan.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Without {@code SPRING_DATASOURCE_URL} Tuquan runs its own PostgreSQL in
 * {@code <data dir>/pg}; with it, Spring Boot's usual data source is used and nothing is started.
 * A command of {@code ./tuquan} ({@code tuquan.command-line=true}) never makes a cluster, and uses
 * the running Tuquan's server when there is one ({@link EmbeddedPostgresServer#forCommand}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    /**
     * With {@code tuquan.embedded-database.first-start-ends-when-ready} (the demo sets it), a new
     * cluster counts as made only when the application is ready — after every {@code
     * ApplicationRunner}, the demo's load among them — so that a first start stopped before then
     * leaves a cluster the next start makes again instead of keeping half of it.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(
            @Value("${tuquan.data-directory}") Path dataDir,
            @Value("${tuquan.embedded-database.first-start-ends-when-ready:false}") boolean firstStartEndsWhenReady,
            @Value("${tuquan.command-line:false}") boolean commandLine) {
        return commandLine
                ? EmbeddedPostgresServer.forCommand(dataDir.resolve("pg"))
                : EmbeddedPostgresServer.start(dataDir.resolve("pg"), firstStartEndsWhenReady);
    }

    @Bean
    FirstStartEnd firstStartEnd(EmbeddedPostgresServer server) {
        return new FirstStartEnd(server);
    }

    /** Ends the cluster's first start when the application is ready (nothing to do on a cluster already made). */
    static final class FirstStartEnd {

        private final EmbeddedPostgresServer server;

        FirstStartEnd(EmbeddedPostgresServer server) {
            this.server = server;
        }

        /** Published after every {@code ApplicationRunner} has run to its end. */
        @EventListener(ApplicationReadyEvent.class)
        void ready() {
            server.finishFirstStart();
        }
    }

    /**
     * The application's pool connects as the non-owner role {@code tuquan_app}: it can read and
     * write what the migrations granted it, and cannot change the schema or the audit log.
     */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(
            EmbeddedPostgresServer server, @Value("${tuquan.datasource.maximum-pool-size:10}") int maximumPoolSize) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(server.jdbcUrl())
                .username(server.appUsername())
                .password(server.password(server.appUsername()))
                .build();
        dataSource.setPoolName("tuquan");
        dataSource.setMaximumPoolSize(maximumPoolSize);
        return dataSource;
    }

    /**
     * Flyway runs the migrations as the owner {@code tuquan}. A customizer rather than a second
     * {@code DataSource} bean, which the health check and everything else would also pick up.
     */
    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(EmbeddedPostgresServer server) {
        return configuration -> configuration.dataSource(
                server.jdbcUrl(), server.ownerUsername(), server.password(server.ownerUsername()));
    }

    /**
     * A command using the running Tuquan's server migrates nothing under it: the server ran its
     * migrations at its start. A command newer than the server (migrations the database lacks) stops.
     */
    @Bean
    FlywayMigrationStrategy migrateUnlessAttached(EmbeddedPostgresServer server) {
        return flyway -> {
            if (!server.attached()) {
                flyway.migrate();
                return;
            }
            MigrationInfo[] pending = flyway.info().pending();
            if (pending.length > 0) {
                throw new IllegalStateException(
                        "The Tuquan running on " + server.clusterDir() + " is older than this "
                                + "./tuquan: its database lacks the migration(s) "
                                + Arrays.stream(pending)
                                        .map(m -> String.valueOf(m.getVersion()))
                                        .collect(Collectors.joining(", "))
                                + ". Stop it and start this version's `./tuquan serve` (which migrates), then run the command again.");
            }
        };
    }

    static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }
}
