package vn.tuquan.access.internal;

import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A person's sessions, on every node: they are rows in PostgreSQL (Spring Session JDBC), found by
 * the principal name Spring Session indexes. Outside the web application (commands) the rows are
 * deleted directly.
 */
@Component
public class UserSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;
    private final JdbcClient jdbc;

    UserSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions, JdbcClient jdbc) {
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    public int count(String username) {
        var repository = sessions.getIfAvailable();
        if (repository == null) {
            return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :username")
                    .param("username", username)
                    .query(Integer.class)
                    .single();
        }
        return repository.findByPrincipalName(username).size();
    }

    /** Ends every session of the person except {@code keepSessionId} (null: all of them); returns how many. */
    public int endAll(String username, String keepSessionId) {
        var repository = sessions.getIfAvailable();
        if (repository == null) {
            return jdbc.sql("DELETE FROM spring_session WHERE principal_name = :username")
                    .param("username", username)
                    .update();
        }
        Set<String> ids = repository.findByPrincipalName(username).keySet();
        int ended = 0;
        for (String id : ids) {
            if (!id.equals(keepSessionId)) {
                repository.deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}
