package vn.tuquan.audit;

import static vn.tuquan.shared.Texts.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.ScopePeriod;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The audit log: an append-only, hash-chained record of every write and every sensitive read.
 *
 * <p>Modules record in the transaction of the write ({@link #record}), so a write that rolls back
 * leaves no entry and an entry never exists without its write. Appends take the chain head's row
 * lock, so entries form one line even with several application nodes; the lock is held until the
 * writing transaction ends, so keep long imports to one entry at their end.
 */
@Service
public class AuditLog {

    static final int PAGE_SIZE = 50;
    private static final int VERIFY_BATCH = 2000;
    private static final ZoneId VIETNAM = Dates.VIETNAM;
    /** Bound to a transaction that holds the chain head's lock. */
    private static final Object CHAIN_HEAD_HELD = new Object();

    private static final String COLUMNS = """
            id, occurred_at, actor_user_id, actor_username, action, module, entity_type, entity_id, unit_id,
            before::text AS before, after::text AS after, prev_hash, hash""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final UserAccounts accounts;
    private final TransactionTemplate separately;
    private final Units units;

    AuditLog(
            JdbcClient jdbc,
            JsonMapper json,
            UserAccounts accounts,
            PlatformTransactionManager transactions,
            Units units) {
        this.units = units;
        this.jdbc = jdbc;
        this.json = json;
        this.accounts = accounts;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Appends an entry in the caller's transaction (a new one when there is none), on behalf of the
     * signed-in person, or of the system when no one is signed in (commands, start-up).
     *
     * @return the entry's id
     */
    @Transactional
    public long record(AuditEntry entry) {
        return append(entry, currentActor());
    }

    /**
     * Appends an entry on behalf of the named person (sign-in, where no one is signed in yet).
     *
     * @param username the person's username, or {@code null} for the system
     */
    @Transactional
    public long recordFor(String username, AuditEntry entry) {
        return append(entry, actor(username));
    }

    /**
     * Appends in a transaction of its own: for reads, which are recorded even when the reading
     * transaction is read-only or rolls back. When the caller's transaction has already appended
     * (it holds the chain head until it ends, so a second transaction would wait for it forever),
     * the entry joins that transaction instead.
     */
    public long recordSeparately(AuditEntry entry) {
        if (TransactionSynchronizationManager.hasResource(CHAIN_HEAD_HELD)) {
            return append(entry, currentActor());
        }
        Long id = separately.execute(status -> append(entry, currentActor()));
        return id == null ? 0 : id;
    }

    private long append(AuditEntry entry, Actor actor) {
        String before = entry.before() == null ? null : json.writeValueAsString(entry.before());
        String after = entry.after() == null ? null : json.writeValueAsString(entry.after());
        // The text PostgreSQL gives back for jsonb is what the hash covers (it reorders keys).
        String[] normalised = jdbc.sql("SELECT CAST(:before AS jsonb)::text, CAST(:after AS jsonb)::text")
                .param("before", before)
                .param("after", after)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        Head head = jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        markChainHeadHeld();
        AuditRecord unhashed = new AuditRecord(
                head.lastId() + 1,
                Dates.now().truncatedTo(ChronoUnit.MICROS),
                actor.userId(),
                actor.username(),
                entry.action().name(),
                entry.module(),
                entry.entityType(),
                entry.entityId(),
                entry.unitId(),
                normalised[0],
                normalised[1],
                head.lastHash(),
                null);
        String hash = AuditHashes.hash(unhashed);
        jdbc.sql("""
                INSERT INTO audit_event (id, occurred_at, actor_user_id, actor_username, action, module, entity_type,
                                         entity_id, unit_id, before, after, prev_hash, hash)
                VALUES (:id, :at, :userId, :username, :action, :module, :entityType, :entityId, :unitId,
                        CAST(:before AS jsonb), CAST(:after AS jsonb), :prevHash, :hash)
                """)
                .param("id", unhashed.id())
                .param("at", OffsetDateTime.ofInstant(unhashed.occurredAt(), ZoneOffset.UTC))
                .param("userId", unhashed.actorUserId())
                .param("username", unhashed.actorUsername())
                .param("action", unhashed.action())
                .param("module", unhashed.module())
                .param("entityType", unhashed.entityType())
                .param("entityId", unhashed.entityId())
                .param("unitId", unhashed.unitId())
                .param("before", before)
                .param("after", after)
                .param("prevHash", unhashed.prevHash())
                .param("hash", hash)
                .update();
        if (unhashed.unitId() != null) {
            // where the unit was on the entry's day: for the search of a scope (not hashed: an index)
            jdbc.sql("""
                    INSERT INTO audit_event_place (event_id, unit_path, unit_on)
                    SELECT :id, p.path, p.valid_on FROM unit_place_on(:unitId, :day) AS p WHERE p.path IS NOT NULL
                    """)
                    .param("id", unhashed.id())
                    .param("unitId", unhashed.unitId())
                    .param("day", LocalDate.ofInstant(unhashed.occurredAt(), VIETNAM))
                    .update();
        }
        jdbc.sql("UPDATE audit_chain_head SET last_id = :id, last_hash = :hash WHERE id = 1")
                .param("id", unhashed.id())
                .param("hash", hash)
                .update();
        return unhashed.id();
    }

    /** Remembers, for the rest of the transaction, that it holds the chain head's lock. */
    private static void markChainHeadHeld() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(CHAIN_HEAD_HELD)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(CHAIN_HEAD_HELD, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(CHAIN_HEAD_HELD);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(CHAIN_HEAD_HELD, Boolean.TRUE);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CHAIN_HEAD_HELD);
            }
        });
    }

    /**
     * Entries matching every given criterion, newest first, {@value #PAGE_SIZE} a page. A reader with
     * a view scope gets only the entries about units of it: an entry is theirs when its unit, where it
     * was on the entry's day, lay in the scope on that day ({@link Units#periods}: a scope unit stands
     * for what it became and what went into it, so after the 2025 reform the new ward's reader reads the
     * entries of the wards it was made of, and a merged ward's reader those of the new ward). Entries
     * about no unit (sign-ins, grants, official lists) are for readers of the whole country. Asking for
     * a unit that never lay in the scope is refused. The scope is a condition of the SQL, answered through the
     * index of {@code audit_event_place}: a reader of one commune does not wait for the whole log.
     *
     * @param page from 0; a negative page is the first, a page past the last is the last
     */
    @Transactional(readOnly = true)
    public Page search(Caller caller, Search search, int page) {
        caller.require(Permission.AUDIT_READ);
        List<ScopePeriod> periods = null;
        if (!caller.view().wholeCountry()) {
            periods = units.periods(caller.view());
            if (search.unitId() != null && !everInScope(search.unitId(), periods)) {
                throw new AccessRefusedException("unit " + search.unitId() + " is outside the caller's scope");
            }
            if (periods.isEmpty()) {
                return new Page(List.of(), 0, false);
            }
            // the scope's paths are values PostgreSQL's statistics can judge: a plan for each search (a
            // province reads the newest entries and checks them, a commune starts from its own places)
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        }
        Query query = query(search, periods);
        int wanted = Math.max(0, page);
        Page found = rows(query, wanted);
        if (found.entries().isEmpty() && wanted > 0) {
            long count = jdbc.sql("SELECT count(*) FROM audit_event a WHERE " + query.conditions())
                    .params(query.parameters())
                    .query(Long.class)
                    .single();
            long last = count == 0 ? 0 : (count - 1) / PAGE_SIZE;
            if (last < wanted) {
                return rows(query, (int) last);
            }
        }
        return found;
    }

    /**
     * Whether the unit lay in the scope on some day of its life — then entries about it may be the
     * reader's (or none are, and the answer is empty); a unit that never did is refused. An unknown
     * unit is not refused: there is nothing to show.
     */
    private boolean everInScope(long unitId, List<ScopePeriod> periods) {
        List<UnitView> versions = units.history(Scope.WHOLE_COUNTRY, unitId);
        return versions.isEmpty()
                || versions.stream()
                        .anyMatch(v -> periods.stream()
                                .anyMatch(p -> v.path().startsWith(p.path())
                                        && (p.to() == null || v.validFrom().isBefore(p.to()))
                                        && (p.from() == null
                                                || v.validTo() == null
                                                || v.validTo().isAfter(p.from()))));
    }

    private Page rows(Query query, int page) {
        List<AuditRecord> rows = jdbc.sql("SELECT " + COLUMNS + " FROM audit_event a WHERE " + query.conditions()
                        + " ORDER BY a.id DESC LIMIT :limit OFFSET :offset")
                .params(query.parameters())
                .param("limit", PAGE_SIZE + 1)
                .param("offset", (long) page * PAGE_SIZE)
                .query(AuditLog::row)
                .list();
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new Page(hasNext ? rows.subList(0, PAGE_SIZE) : rows, page, hasNext);
    }

    /** A search's conditions on {@code audit_event a}, with their parameters. */
    private record Query(String conditions, Map<String, Object> parameters) {}

    /**
     * The search's conditions; with a scope, that the entry's place lies in one of its periods: each
     * path as a range of the index on {@code audit_event_place (unit_path, unit_on)}, every value bound.
     */
    private static Query query(Search search, List<ScopePeriod> periods) {
        StringBuilder conditions = new StringBuilder("""
                (CAST(:username AS text) IS NULL OR a.actor_username = :username)
                  AND (CAST(:unitId AS bigint) IS NULL OR a.unit_id = :unitId)
                  AND (CAST(:module AS text) IS NULL OR a.module = :module)
                  AND (CAST(:from AS timestamptz) IS NULL OR a.occurred_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR a.occurred_at < :to)""");
        Map<String, Object> p = new HashMap<>();
        p.put("username", blankToNull(search.username()));
        p.put("unitId", search.unitId());
        p.put("module", blankToNull(search.module()));
        p.put(
                "from",
                search.from() == null
                        ? null
                        : search.from().atStartOfDay(VIETNAM).toOffsetDateTime());
        p.put(
                "to",
                search.to() == null
                        ? null
                        : search.to().plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime());
        if (periods != null) {
            conditions.append("\n  AND EXISTS (SELECT 1 FROM audit_event_place p WHERE p.event_id = a.id AND (");
            for (int i = 0; i < periods.size(); i++) {
                ScopePeriod period = periods.get(i);
                conditions
                        .append(i == 0 ? "" : " OR ")
                        .append("(p.unit_path >= :path")
                        .append(i)
                        .append(" AND p.unit_path < :pathEnd")
                        .append(i);
                p.put("path" + i, period.path());
                p.put("pathEnd" + i, period.end());
                if (period.from() != null) {
                    conditions.append(" AND p.unit_on >= :from").append(i);
                    p.put("from" + i, period.from());
                }
                if (period.to() != null) {
                    conditions.append(" AND p.unit_on < :to").append(i);
                    p.put("to" + i, period.to());
                }
                conditions.append(')');
            }
            conditions.append("))");
        }
        return new Query(conditions.toString(), p);
    }

    /**
     * Places again the entries whose unit's place on their day may have changed: the tree changed
     * from {@code since} on (an official list, or a local unit moved, closed or edited as of that
     * day), and only the entries of that day or later, or placed on such a day, can have been placed
     * by the tree as it was before — under {@code underPath} only, when given (the local unit's
     * subtree). Runs in the transaction of the change.
     *
     * @return how many entries were placed anew
     */
    @Transactional
    public int replace(LocalDate since, String underPath) {
        return jdbc.sql("""
                UPDATE audit_event_place u SET unit_path = p.path, unit_on = p.valid_on
                FROM audit_event a
                CROSS JOIN LATERAL unit_place_on(a.unit_id, (a.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS p
                WHERE a.id = u.event_id AND p.path IS NOT NULL
                  AND (a.occurred_at >= :since OR u.unit_on >= :sinceDay)
                  AND (CAST(:under AS text) IS NULL OR u.unit_path LIKE :under || '%')
                  AND (u.unit_path <> p.path OR u.unit_on <> p.valid_on)
                """)
                .param("since", since.atStartOfDay(VIETNAM).toOffsetDateTime())
                .param("sinceDay", since)
                .param("under", underPath)
                .update();
    }

    /** The modules that have entries, for the search page's choice. */
    @Transactional(readOnly = true)
    public List<String> modules() {
        return jdbc.sql("SELECT DISTINCT module FROM audit_event ORDER BY module")
                .query(String.class)
                .list();
    }

    /**
     * Walks the whole chain and names every entry that does not match: content changed, link to
     * the previous entry broken, missing ids, entries missing at the end.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ) // one snapshot: appends go on meanwhile
    public ChainReport verify() {
        Head head = jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        ChainWalk walk = new ChainWalk(head.lastId(), head.lastHash());
        while (true) {
            List<AuditRecord> batch = jdbc.sql(
                            "SELECT " + COLUMNS + " FROM audit_event WHERE id >= :from ORDER BY id LIMIT :n")
                    .param("from", walk.expectedId())
                    .param("n", VERIFY_BATCH)
                    .query(AuditLog::row)
                    .list();
            batch.forEach(walk::accept);
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        return walk.end();
    }

    private static AuditRecord row(ResultSet rs, int n) throws SQLException {
        return new AuditRecord(
                rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("actor_user_id", Long.class),
                rs.getString("actor_username"),
                rs.getString("action"),
                rs.getString("module"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getObject("unit_id", Long.class),
                rs.getString("before"),
                rs.getString("after"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private Actor currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Actor.SYSTEM;
        }
        return actor(auth.getName());
    }

    private Actor actor(String username) {
        if (username == null) {
            return Actor.SYSTEM;
        }
        return new Actor(
                accounts.findByUsername(username).map(a -> a.id().value()).orElse(null), username);
    }

    /** What to search for; {@code null} or blank criteria match everything. Dates are days in Vietnam, inclusive. */
    public record Search(String username, Long unitId, String module, LocalDate from, LocalDate to) {}

    /** One page of entries, newest first. */
    public record Page(List<AuditRecord> entries, int page, boolean hasNext) {}

    private record Head(long lastId, String lastHash) {}

    private record Actor(Long userId, String username) {
        static final Actor SYSTEM = new Actor(null, null);
    }
}
