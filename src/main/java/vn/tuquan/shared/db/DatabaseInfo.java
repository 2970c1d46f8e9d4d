package vn.tuquan.shared.db;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which PostgreSQL this process runs on: for the start-up log, the system page and the API. */
@Component
public class DatabaseInfo {

    private final JdbcClient jdbc;
    private final Optional<EmbeddedPostgresServer> embedded;

    DatabaseInfo(JdbcClient jdbc, ObjectProvider<EmbeddedPostgresServer> embedded) {
        this.jdbc = jdbc;
        this.embedded = Optional.ofNullable(embedded.getIfAvailable());
    }

    public boolean isEmbedded() {
        return embedded.isPresent();
    }

    public Optional<Path> embeddedClusterDir() {
        return embedded.map(EmbeddedPostgresServer::clusterDir);
    }

    /** The server version, e.g. {@code 17.6}. */
    public String serverVersion() {
        return jdbc.sql("SELECT current_setting('server_version')")
                .query(String.class)
                .single();
    }

    /** Host, port and database name: no user, no password. */
    public String location() {
        return jdbc.sql("SELECT coalesce(host(inet_server_addr()), 'local socket') || ':' "
                        + "|| coalesce(inet_server_port()::text, '') || '/' || current_database()")
                .query(String.class)
                .single();
    }
}
