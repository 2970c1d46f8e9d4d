package vn.tuquan.units;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.ShortLived;
import vn.tuquan.shared.VietnameseText;
import vn.tuquan.shared.web.SheetExports;

/**
 * Reading the tree of units as it was on any date: a unit, its children, its subtree, its
 * ancestors, its history, its predecessors and successors, and search by name.
 */
@Service
public class Units {

    static final String COLUMNS = """
            id AS version_id, unit_id, code, name, name_en, kind, subkind, parent_id, path, level, valid_from, valid_to,
            change, sector, has_party_organisation, staff_count, exclusion""";
    static final String VALID_ON = "valid_from <= :asOf AND (valid_to IS NULL OR valid_to > :asOf)";

    private final JdbcClient jdbc;
    private final ScopePaths scopes;
    /** A unit's latest version, kept a few seconds for reads outside a writing transaction. */
    private final ShortLived<Long, Optional<UnitView>> latestKept;

    Units(JdbcClient jdbc, @Value("${tuquan.security.access-cache-millis:5000}") long ttlMillis) {
        this.jdbc = jdbc;
        this.scopes = new ScopePaths(this, ttlMillis);
        this.latestKept = new ShortLived<>(ttlMillis, 50_000);
    }

    /**
     * Forgets the units and scope paths kept: the tree changed. Called by every writer of the tree,
     * at once and again after its transaction commits, so that no answer read before the commit
     * outlives it. (Reads inside a writing transaction never use what is kept.)
     */
    void forget() {
        latestKept.clear();
        scopes.forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    latestKept.clear();
                    scopes.forget();
                }
            });
        }
    }

    /** The tree changed on this node: what was kept is forgotten (see {@link #forget()}). */
    @EventListener({
        OfficialListImported.class,
        LocalUnitCreated.class,
        LocalUnitEdited.class,
        LocalUnitMoved.class,
        LocalUnitClosed.class,
        LocalUnitsImported.class
    })
    void treeChanged() {
        forget();
    }

    /** Whether this thread is in a transaction that may write: it reads the database, never what is kept. */
    static boolean writing() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    // ---- the API: every query takes the caller's scope -------------------------------------

    /** A unit on a date; refused when it exists but lies outside the scope. */
    public Optional<UnitView> find(Scope scope, long id, LocalDate asOf) {
        return checked(scope, findAny(id, asOf), asOf);
    }

    /**
     * Several units as they were on a date, those of them that existed that day, in no particular order
     * (a unit that did not exist then is left out); refused when one lies outside the scope. For a
     * module that keeps something per unit and its place in the tree (the statistics' summaries).
     */
    public List<UnitView> findAll(Scope scope, Collection<Long> ids, LocalDate asOf) {
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<UnitView> found = new ArrayList<>(distinct.size());
        for (int from = 0; from < distinct.size(); from += 10_000) {
            found.addAll(asOf(distinct.subList(from, Math.min(distinct.size(), from + 10_000)), asOf));
        }
        if (!scope.wholeCountry()) {
            found.forEach(u -> requireInScope(scope, u, asOf));
        }
        return Collections.unmodifiableList(found);
    }

    /** The latest version of a unit, whatever the date (for a unit that no longer exists). */
    public Optional<UnitView> latest(Scope scope, long id) {
        Optional<UnitView> latest = latestAny(id);
        latest.ifPresent(u -> requireInScope(
                scope, u, u.validTo() == null ? u.validFrom() : u.validTo().minusDays(1)));
        return latest;
    }

    public Optional<UnitView> findByCode(Scope scope, String code, LocalDate asOf) {
        return checked(scope, findByCodeAny(code, asOf), asOf);
    }

    /** Where a person's tree starts on a date: the provinces, or the units of their scope. */
    public List<UnitView> roots(Scope scope, LocalDate asOf) {
        if (scope.wholeCountry()) {
            return provincesAny(asOf);
        }
        List<String> prefixes = scopes.prefixes(scope, asOf);
        List<Long> ids = prefixes.stream()
                .map(p -> UnitPath.parse(p).unitId())
                .distinct()
                .toList();
        return asOf(ids, asOf);
    }

    public List<UnitView> children(Scope scope, long id, LocalDate asOf) {
        find(scope, id, asOf);
        return childrenAny(id, asOf);
    }

    public Page subtree(Scope scope, long id, Set<UnitKind> kinds, LocalDate asOf, int limit, int offset) {
        find(scope, id, asOf);
        return subtreeAny(id, kinds, asOf, limit, offset);
    }

    /**
     * A unit and every unit under it on a date, in tree order with the unit first: the one way a module
     * collects a subtree (its units, or their ids for {@code unit_id = ANY(:ids)}); docs/units.md, "The
     * tree for other modules".
     *
     * <p>A root that did not exist on {@code asOf} (closed before it, or opened after it) gives the root
     * alone, as it last was, and nothing under it. A unit that never existed gives an empty list: a
     * caller that must refuse it looks it up first, with its own refusal.
     *
     * @param kinds only units of these kinds, the root too; all when empty
     * @throws AccessRefusedException when the root, as it is on {@code asOf} (or as it last was), lies
     *                                outside the scope
     */
    public List<UnitView> subtreeWithRoot(Scope scope, long id, Set<UnitKind> kinds, LocalDate asOf) {
        Optional<UnitView> onDay = find(scope, id, asOf);
        if (onDay.isEmpty()) {
            return latest(scope, id)
                    .filter(u -> ofKinds(u, kinds))
                    .map(List::of)
                    .orElse(List.of());
        }
        UnitView root = onDay.get();
        String kindFilter = kinds.isEmpty() ? "" : " AND kind IN (:kinds)";
        var query = jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE path LIKE :prefix AND path <> :path AND "
                        + VALID_ON + kindFilter + " ORDER BY path")
                .param("prefix", likePrefix(root.path()))
                .param("path", root.path())
                .param("asOf", asOf);
        if (!kinds.isEmpty()) {
            query = query.param("kinds", kinds.stream().map(Enum::name).toList());
        }
        List<UnitView> below = query.query(Units::view).list();
        List<UnitView> all = new ArrayList<>(below.size() + 1);
        if (ofKinds(root, kinds)) {
            all.add(root);
        }
        all.addAll(below);
        return Collections.unmodifiableList(all);
    }

    private static boolean ofKinds(UnitView unit, Set<UnitKind> kinds) {
        return kinds.isEmpty() || kinds.contains(unit.kind());
    }

    /**
     * Whether the caller may write for the unit today: they hold the permission and the unit (as it is
     * today, or as it last was) lies in their capture scope. For a page deciding whether to offer a
     * form; the write itself checks again and refuses.
     */
    public boolean writable(Caller caller, Permission permission, long id) {
        return writable(caller, permission, id, Dates.today());
    }

    /** {@link #writable(Caller, Permission, long)} with the unit as it is on a date (a period's last day). */
    public boolean writable(Caller caller, Permission permission, long id, LocalDate on) {
        return caller.can(permission) && contains(caller.capture(), id, on);
    }

    /**
     * The units of a subtree as of a date, by name (Vietnamese natural order), handed over one at a
     * time from a cursor: the rows of an export, whatever their number.
     *
     * @param kinds    only these kinds; all when empty
     * @param withRoot the unit {@code id} itself too (when it is of those kinds)
     */
    @Transactional(readOnly = true)
    public void eachByName(
            Scope scope, long id, Set<UnitKind> kinds, LocalDate asOf, boolean withRoot, Consumer<UnitView> each) {
        UnitView root = find(scope, id, asOf).orElse(null);
        if (root == null) {
            return;
        }
        String kindFilter = kinds.isEmpty() ? "" : " AND kind IN (:kinds)";
        var query = jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE path LIKE :prefix"
                        + (withRoot ? "" : " AND path <> :path") + " AND " + VALID_ON + kindFilter
                        + " ORDER BY name COLLATE natural_vi, unit_id")
                .param("prefix", likePrefix(root.path()))
                .param("asOf", asOf);
        if (!withRoot) {
            query = query.param("path", root.path());
        }
        if (!kinds.isEmpty()) {
            query = query.param("kinds", kinds.stream().map(Enum::name).toList());
        }
        query.withFetchSize(SheetExports.FETCH_SIZE).query(rs -> {
            each.accept(view(rs, 0));
        });
    }

    /** How many units of a kind exist on a date under a unit of the scope (or in the whole scope). */
    public long count(Scope scope, UnitKind kind, LocalDate asOf, Optional<Long> within) {
        if (within.isPresent()) {
            find(scope, within.get(), asOf);
            return countAny(kind, asOf, within);
        }
        if (scope.wholeCountry()) {
            return countAny(kind, asOf, Optional.empty());
        }
        return roots(scope, asOf).stream()
                .mapToLong(r -> (r.kind() == kind ? 1 : 0) + countAny(kind, asOf, Optional.of(r.id())))
                .sum();
    }

    /** The units above a unit of the scope, for breadcrumbs (their names are not restricted). */
    public List<UnitView> ancestors(Scope scope, long id, LocalDate asOf) {
        find(scope, id, asOf);
        return ancestorsAny(id, asOf);
    }

    public List<UnitView> history(Scope scope, long id) {
        latest(scope, id);
        return historyAny(id);
    }

    public List<Succession> predecessors(Scope scope, long id) {
        latest(scope, id);
        return predecessorsAny(id);
    }

    public List<Succession> successors(Scope scope, long id) {
        latest(scope, id);
        return successorsAny(id);
    }

    /** Where a unit of the scope lives on a later date (only what lies in the scope). */
    public List<UnitView> continuationsOn(Scope scope, long id, LocalDate date) {
        latest(scope, id);
        return continuationsOnAny(id, date).stream()
                .filter(u -> inScope(scope, u, date))
                .toList();
    }

    /**
     * What a unit, as it became, was made of on an earlier day, through the recorded successions: itself when
     * it existed that day, and every unit that went into it after that day — or into a unit that went into it,
     * and so on — as each was that day, in tree order. Each says whether it went {@link Predecessor.Share#WHOLE
     * whole} into the unit, only in {@link Predecessor.Share#PART part} (it, or a unit between it and this one,
     * was split, or went on after giving a part away; the unit itself too, when it gave a part away after the
     * day and went on), or whether what it was made of is {@link Predecessor.Share#UNRECORDED unrecorded}.
     * Successions dated on or before the day are already in the tree of that day and are not followed. Empty
     * when the unit did not exist that day and no succession after it leads to the unit. The scope is checked on
     * the unit; its predecessors are read as its history, as {@link #predecessors} reads them.
     */
    public List<Predecessor> predecessorsOn(Scope scope, long id, LocalDate day) {
        latest(scope, id);
        return predecessorsOnAny(id, day);
    }

    public String fullName(Scope scope, long id, LocalDate asOf) {
        find(scope, id, asOf);
        return fullNameAny(id, asOf);
    }

    /** Whether the unit, as it is on the date, lies in the scope. */
    public boolean inScope(Scope scope, UnitView unit, LocalDate date) {
        if (scope.wholeCountry()) {
            return true;
        }
        return scopes.prefixes(scope, date).stream().anyMatch(p -> unit.path().startsWith(p));
    }

    /** Whether a unit (as it is on the date, or as it last was) lies in the scope; unknown units do not. */
    public boolean contains(Scope scope, long unitId, LocalDate date) {
        if (scope.wholeCountry()) {
            return true;
        }
        return findAny(unitId, date)
                .or(() -> latestAny(unitId))
                .map(u -> inScope(scope, u, u.validOn(date) ? date : u.validFrom()))
                .orElse(false);
    }

    /**
     * Whether every unit of {@code inner} lies inside {@code outer} today (no one grants more than they
     * hold): itself, or — for a unit a reorganisation closed — every unit that took it over. A unit
     * that no longer exists and went into nothing lies nowhere.
     */
    public boolean within(Scope inner, Scope outer, LocalDate today) {
        if (outer.wholeCountry()) {
            return true;
        }
        if (inner.wholeCountry()) {
            return false;
        }
        return inner.unitIds().stream().allMatch(id -> {
            List<UnitView> now = continuationsOnAny(id, today);
            return !now.isEmpty() && now.stream().allMatch(u -> inScope(outer, u, today));
        });
    }

    private Optional<UnitView> checked(Scope scope, Optional<UnitView> unit, LocalDate date) {
        unit.ifPresent(u -> requireInScope(scope, u, date));
        return unit;
    }

    private void requireInScope(Scope scope, UnitView unit, LocalDate date) {
        if (!inScope(scope, unit, date)) {
            throw new AccessRefusedException("unit " + unit.id() + " is outside the caller's scope");
        }
    }

    // ---- inside the module: the whole tree -------------------------------------------------

    Optional<UnitView> findAny(long id, LocalDate asOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE unit_id = :id AND " + VALID_ON)
                .param("id", id)
                .param("asOf", asOf)
                .query(Units::view)
                .optional();
    }

    /** The latest version of a unit, whatever the date: for a unit that no longer exists. */
    Optional<UnitView> latestAny(long id) {
        return writing() ? latestRead(id) : latestKept.get(id, this::latestRead, Optional::isPresent);
    }

    private Optional<UnitView> latestRead(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE unit_id = :id ORDER BY valid_from DESC LIMIT 1")
                .param("id", id)
                .query(Units::view)
                .optional();
    }

    Optional<UnitView> findByCodeAny(String code, LocalDate asOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE code = :code AND kind IN "
                        + "('PROVINCE', 'DISTRICT', 'COMMUNE') AND " + VALID_ON)
                .param("code", code)
                .param("asOf", asOf)
                .query(Units::view)
                .optional();
    }

    List<UnitView> provincesAny(LocalDate asOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE kind = 'PROVINCE' AND " + VALID_ON
                        + " ORDER BY code, name")
                .param("asOf", asOf)
                .query(Units::view)
                .list();
    }

    List<UnitView> childrenAny(long id, LocalDate asOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE parent_id = :id AND " + VALID_ON
                        + " ORDER BY level, kind, code COLLATE natural_vi NULLS LAST, name COLLATE natural_vi")
                .param("id", id)
                .param("asOf", asOf)
                .query(Units::view)
                .list();
    }

    /**
     * The units under {@code id} (not itself) as of a date, in tree order, a page at a time.
     *
     * @param kinds only these kinds; all when empty
     */
    Page subtreeAny(long id, Set<UnitKind> kinds, LocalDate asOf, int limit, int offset) {
        Optional<UnitView> root = findAny(id, asOf);
        if (root.isEmpty()) {
            return new Page(List.of(), false);
        }
        String kindFilter = kinds.isEmpty() ? "" : " AND kind IN (:kinds)";
        var query = jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE path LIKE :prefix AND path <> :path AND "
                        + VALID_ON + kindFilter + " ORDER BY path LIMIT :limit OFFSET :offset")
                .param("prefix", likePrefix(root.get().path()))
                .param("path", root.get().path())
                .param("asOf", asOf)
                .param("limit", limit + 1)
                .param("offset", offset);
        if (!kinds.isEmpty()) {
            query = query.param("kinds", kinds.stream().map(Enum::name).toList());
        }
        List<UnitView> units = query.query(Units::view).list();
        boolean more = units.size() > limit;
        return new Page(more ? units.subList(0, limit) : units, more);
    }

    /** How many units of a kind exist on a date, in the whole tree or under a unit. */
    long countAny(UnitKind kind, LocalDate asOf, Optional<Long> within) {
        if (within.isEmpty()) {
            return jdbc.sql("SELECT count(*) FROM unit_version WHERE kind = :kind AND " + VALID_ON)
                    .param("kind", kind.name())
                    .param("asOf", asOf)
                    .query(Long.class)
                    .single();
        }
        Optional<UnitView> root = findAny(within.get(), asOf);
        if (root.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM unit_version WHERE kind = :kind AND path LIKE :prefix AND " + VALID_ON)
                .param("kind", kind.name())
                .param("prefix", likePrefix(root.get().path()))
                .param("asOf", asOf)
                .query(Long.class)
                .single();
    }

    /** From the province down to the unit's parent, as they were on the date. */
    List<UnitView> ancestorsAny(long id, LocalDate asOf) {
        return findAny(id, asOf)
                .map(unit -> asOf(unit.unitPath().ancestorIds(), asOf))
                .orElse(List.of());
    }

    /** Every version of the unit, oldest first. */
    List<UnitView> historyAny(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE unit_id = :id ORDER BY valid_from")
                .param("id", id)
                .query(Units::view)
                .list();
    }

    /** The units this one took over, whole or in part. */
    List<Succession> predecessorsAny(long id) {
        return successions("s.successor_id = :id", id);
    }

    /** The units that took this one over, whole or in part. */
    List<Succession> successorsAny(long id) {
        return successions("s.predecessor_id = :id", id);
    }

    /**
     * Where a unit lives on a later date: itself when it still exists, else the units that took it
     * over (following successions as far as needed).
     */
    List<UnitView> continuationsOnAny(long id, LocalDate date) {
        Set<Long> found = new LinkedHashSet<>();
        Set<Long> seen = new LinkedHashSet<>();
        List<Long> frontier = new ArrayList<>(List.of(id));
        while (!frontier.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (long unit : frontier) {
                if (!seen.add(unit)) {
                    continue;
                }
                if (findAny(unit, date).isPresent()) {
                    found.add(unit);
                    continue;
                }
                successorsAny(unit).stream()
                        .filter(s -> !s.effectiveDate().isAfter(date))
                        .forEach(s -> next.add(s.successorId()));
            }
            frontier = next;
        }
        return asOf(new ArrayList<>(found), date);
    }

    List<Predecessor> predecessorsOnAny(long id, LocalDate day) {
        Map<Long, Optional<UnitView>> then = new LinkedHashMap<>();
        Map<Long, List<Succession>> into = new HashMap<>();
        ArrayDeque<Long> frontier = new ArrayDeque<>(List.of(id));
        while (!frontier.isEmpty()) {
            long unit = frontier.pop();
            if (then.containsKey(unit)) {
                continue;
            }
            then.put(unit, findAny(unit, day));
            List<Succession> later = predecessorsAny(unit).stream()
                    .filter(s -> s.effectiveDate().isAfter(day))
                    .toList();
            into.put(unit, later);
            later.forEach(s -> frontier.add(s.predecessorId()));
        }
        if (then.get(id).isEmpty() && into.get(id).isEmpty()) {
            return List.of();
        }
        // a unit lost a part when, after the day, it went on past a succession out of it, or (not the unit
        // asked about, whose own later fate does not change what it is) went partly, or elsewhere
        Set<Long> lostPart = new HashSet<>();
        Map<Long, List<Succession>> outOf = new HashMap<>();
        for (long unit : then.keySet()) {
            List<Succession> later = successorsAny(unit).stream()
                    .filter(s -> s.effectiveDate().isAfter(day))
                    .toList();
            outOf.put(unit, later);
            for (Succession out : later) {
                boolean wentOn = findAny(unit, out.effectiveDate()).isPresent();
                if (wentOn || unit != id && (!out.whole() || !then.containsKey(out.successorId()))) {
                    lostPart.add(unit);
                }
            }
        }
        List<Predecessor> found = new ArrayList<>();
        for (Map.Entry<Long, Optional<UnitView>> unit : then.entrySet()) {
            long unitId = unit.getKey();
            if (unit.getValue().isPresent()) {
                boolean part = unitId == id
                        ? lostPart.contains(id)
                        : partOnTheWay(unitId, id, outOf, lostPart, new HashSet<>());
                found.add(new Predecessor(
                        unit.getValue().get(), part ? Predecessor.Share.PART : Predecessor.Share.WHOLE));
            } else if (unitId != id && into.get(unitId).isEmpty()) {
                historyAny(unitId).stream()
                        .findFirst()
                        .ifPresent(first -> found.add(new Predecessor(first, Predecessor.Share.UNRECORDED)));
            }
        }
        found.sort(Comparator.comparing((Predecessor p) -> p.unit().path()));
        return found;
    }

    /** Whether the unit, or a unit it went into after the day on its way to {@code target}, lost a part. */
    private static boolean partOnTheWay(
            long unit, long target, Map<Long, List<Succession>> outOf, Set<Long> lostPart, Set<Long> seen) {
        if (unit == target || !seen.add(unit)) {
            return false;
        }
        if (lostPart.contains(unit)) {
            return true;
        }
        for (Succession out : outOf.getOrDefault(unit, List.of())) {
            if (partOnTheWay(out.successorId(), target, outOf, lostPart, seen)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The days on which a version of these units, or of the units linked to them through successions
     * (either way, up to {@code maxSteps} steps and {@code maxUnits} units), begins or ends, or on which
     * such a succession takes effect: the days on which what a scope of these units covers may change.
     */
    List<LocalDate> changeDays(Collection<Long> ids, int maxSteps, int maxUnits) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                WITH RECURSIVE linked(id, steps) AS (
                    SELECT unnest(CAST(:ids AS bigint[])), 0
                    UNION
                    SELECT CASE WHEN s.predecessor_id = l.id THEN s.successor_id ELSE s.predecessor_id END, l.steps + 1
                    FROM linked l JOIN unit_succession s ON s.predecessor_id = l.id OR s.successor_id = l.id
                    WHERE l.steps < :maxSteps
                ), units AS (
                    SELECT DISTINCT id FROM linked LIMIT :maxUnits
                )
                SELECT valid_from FROM unit_version WHERE unit_id IN (SELECT id FROM units)
                UNION SELECT valid_to FROM unit_version WHERE unit_id IN (SELECT id FROM units) AND valid_to IS NOT NULL
                UNION SELECT effective_date FROM unit_succession
                      WHERE predecessor_id IN (SELECT id FROM units) OR successor_id IN (SELECT id FROM units)
                ORDER BY 1
                """)
                .param("ids", ids.toArray(Long[]::new))
                .param("maxSteps", maxSteps)
                .param("maxUnits", maxUnits)
                .query(LocalDate.class)
                .list();
    }

    /**
     * What a scope covers over time: each path prefix with the days it covers (see {@link ScopePeriod}),
     * as the tree is known now; {@code null} for the whole country. For a module that keeps, with each
     * of its records, the path its unit had on the record's day, and finds a scope's records in SQL.
     */
    public List<ScopePeriod> periods(Scope scope) {
        return scopes.periods(scope);
    }

    /** The scope's prefixes on a date ({@code null} for the whole country), for tests of {@link #periods}. */
    List<String> prefixes(Scope scope, LocalDate date) {
        return scopes.prefixes(scope, date);
    }

    /**
     * Units whose name matches, ignoring case and diacritics ("hai hau" finds "Huyện Hải Hậu"),
     * best first.
     *
     * @param within only under this unit, when present
     */
    public List<SearchHit> search(
            Scope scope, String text, LocalDate asOf, Set<UnitKind> kinds, Optional<Long> within, int limit) {
        String folded = VietnameseText.fold(text == null ? "" : text.strip());
        List<String> scopePrefixes = scopes.prefixes(scope, asOf);
        if (folded.isBlank() || scopePrefixes != null && scopePrefixes.isEmpty()) {
            return List.of();
        }
        within.ifPresent(w -> find(scope, w, asOf));
        String prefix = within.flatMap(w -> findAny(w, asOf))
                .map(u -> likePrefix(u.path()))
                .orElse("/%");
        String kindFilter = kinds.isEmpty() ? "" : " AND kind IN (:kinds)";
        var query = jdbc.sql("SELECT " + COLUMNS + """
                        , word_similarity(:q, search_fold(name)) AS score
                        FROM unit_version
                        WHERE search_fold(name) LIKE :pattern AND path LIKE :prefix AND """ + " " + VALID_ON + kindFilter
                        + ScopePaths.condition(scopePrefixes) + """
                         ORDER BY score DESC, level, name COLLATE natural_vi
                        LIMIT :limit""")
                .param("q", folded)
                .param("pattern", "%" + likeEscape(folded) + "%")
                .param("prefix", prefix)
                .param("asOf", asOf)
                .param("limit", limit);
        if (!kinds.isEmpty()) {
            query = query.param("kinds", kinds.stream().map(Enum::name).toList());
        }
        if (scopePrefixes != null) {
            query = query.param("scopePrefixes", scopePrefixes.toArray(String[]::new));
        }
        List<Object[]> rows = query.query((rs, n) -> new Object[] {view(rs, n), rs.getDouble("score")})
                .list();
        Map<Long, String> fullNames =
                fullNames(rows.stream().map(r -> (UnitView) r[0]).toList(), asOf);
        return rows.stream()
                .map(r -> new SearchHit((UnitView) r[0], fullNames.get(((UnitView) r[0]).id()), (double) r[1]))
                .toList();
    }

    /** "Xã Hải Minh, Huyện Hải Hậu, Tỉnh Nam Định": the unit and its ancestors as of the date. */
    String fullNameAny(long id, LocalDate asOf) {
        return findAny(id, asOf)
                .map(u -> fullNames(List.of(u), asOf).get(u.id()))
                .orElse(null);
    }

    private Map<Long, String> fullNames(Collection<UnitView> units, LocalDate asOf) {
        Set<Long> ids = units.stream().flatMap(u -> u.unitPath().ids().stream()).collect(Collectors.toSet());
        Map<Long, String> names = new HashMap<>();
        asOf(new ArrayList<>(ids), asOf).forEach(u -> names.put(u.id(), u.name()));
        Map<Long, String> result = new HashMap<>();
        for (UnitView unit : units) {
            List<Long> path = unit.unitPath().ids();
            List<String> parts = new ArrayList<>();
            for (int i = path.size() - 1; i >= 0; i--) {
                parts.add(names.getOrDefault(path.get(i), "?"));
            }
            result.put(unit.id(), String.join(", ", parts));
        }
        return result;
    }

    List<UnitView> asOf(List<Long> ids, LocalDate asOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_version WHERE unit_id IN (:ids) AND " + VALID_ON
                        + " ORDER BY level")
                .param("ids", ids)
                .param("asOf", asOf)
                .query(Units::view)
                .list();
    }

    private List<Succession> successions(String condition, long id) {
        return jdbc.sql("""
                SELECT s.predecessor_id, s.successor_id, s.effective_date, s.whole, s.note,
                       p.name AS p_name, p.code AS p_code, n.name AS n_name, n.code AS n_code
                FROM unit_succession s
                JOIN LATERAL (SELECT name, code FROM unit_version WHERE unit_id = s.predecessor_id
                              AND valid_from < s.effective_date ORDER BY valid_from DESC LIMIT 1) p ON true
                JOIN LATERAL (SELECT name, code FROM unit_version WHERE unit_id = s.successor_id
                              AND valid_from <= s.effective_date ORDER BY valid_from DESC LIMIT 1) n ON true
                WHERE \s""" + condition + " ORDER BY s.effective_date, p.code, n.code")
                .param("id", id)
                .query((rs, n) -> new Succession(
                        rs.getLong("predecessor_id"),
                        rs.getString("p_name"),
                        rs.getString("p_code"),
                        rs.getLong("successor_id"),
                        rs.getString("n_name"),
                        rs.getString("n_code"),
                        rs.getObject("effective_date", LocalDate.class),
                        rs.getBoolean("whole"),
                        rs.getString("note")))
                .list();
    }

    static String likePrefix(String path) {
        return UnitPath.subtreeLike(path);
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static UnitView view(ResultSet rs, int row) throws SQLException {
        String exclusion = rs.getString("exclusion");
        OrganisationDetails organisation = new OrganisationDetails(
                rs.getString("sector"),
                rs.getObject("has_party_organisation", Boolean.class),
                rs.getObject("staff_count", Integer.class),
                exclusion == null ? null : OrganisationDetails.Exclusion.valueOf(exclusion));
        return new UnitView(
                rs.getLong("unit_id"),
                rs.getLong("version_id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("name_en"),
                UnitKind.valueOf(rs.getString("kind")),
                rs.getString("subkind"),
                rs.getObject("parent_id", Long.class),
                rs.getString("path"),
                rs.getInt("level"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("change"),
                organisation.equals(OrganisationDetails.NONE) ? null : organisation);
    }

    /** A page of units; {@code more} when there are further pages. */
    public record Page(List<UnitView> units, boolean more) {}
}
