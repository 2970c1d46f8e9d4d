package vn.tuquan.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.order.internal.HotspotUnits;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitView;

/**
 * Crackdown and patrol campaigns (F17): recorded by the organising unit with the units covered, the
 * forces, the results and the hotspots targeted; listed per unit and period, results summed.
 */
@Service
public class Campaigns {

    private static final String COLUMNS = """
            c.*, ARRAY(SELECT cu.unit_id FROM campaign_unit cu WHERE cu.campaign_id = c.id ORDER BY cu.unit_id) AS unit_ids,
            ARRAY(SELECT ch.hotspot_id FROM campaign_hotspot ch WHERE ch.campaign_id = c.id ORDER BY ch.hotspot_id)
              AS hotspot_ids""";
    /** Organised by, or covering, a unit of the subtree {@code :ids}. */
    private static final String UNDER = """
            (c.organising_unit_id = ANY (CAST(:ids AS bigint[]))
             OR EXISTS (SELECT 1 FROM campaign_unit cu WHERE cu.campaign_id = c.id
                                                        AND cu.unit_id = ANY (CAST(:ids AS bigint[]))))""";

    /** The forces taking part, what was seized. */
    static final int MAX_FORCES = 1000;

    static final int MAX_SEIZED = 1000;
    /** The results in words. */
    static final int MAX_SUMMARY = 2000;

    private final JdbcClient jdbc;
    private final HotspotUnits units;
    private final Hotspots hotspots;
    private final ApplicationEventPublisher events;

    Campaigns(JdbcClient jdbc, HotspotUnits units, Hotspots hotspots, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.hotspots = hotspots;
        this.events = events;
    }

    /**
     * Records a campaign organised by the unit. The units covered must lie under it (none given: the
     * unit itself); every hotspot linked must be one the caller sees (else 403); the period's end not
     * before its start; numbers not negative.
     */
    @Transactional
    public Campaign record(Caller caller, long unitId, Campaign.Form form) {
        UnitView unit = units.writable(caller, unitId);
        Checked checked = check(
                caller,
                unit,
                form.name(),
                form.kind(),
                form.startedOn(),
                form.endedOn(),
                form.unitIds(),
                form.officers(),
                form.hotspotIds());
        String name = checked.name();
        List<Long> covered = checked.covered();
        List<Long> targeted = checked.targeted();
        Campaign.Results results = results(form.results());
        long id = jdbc.sql("""
                INSERT INTO campaign (name, kind, organising_unit_id, started_on, ended_on, forces, officers, arrests,
                                      rings_broken, hotspots_cleared, items_seized, seized_description, results, created_by)
                VALUES (:name, :kind, :unit, :from, :to, :forces, :officers, :arrests, :rings, :cleared, :items, :seized,
                        :summary, :by) RETURNING id
                """)
                .param("name", name)
                .param("kind", form.kind().name())
                .param("unit", unit.id())
                .param("from", form.startedOn())
                .param("to", form.endedOn())
                .param("forces", Hotspots.bounded("forces", form.forces(), MAX_FORCES))
                .param("officers", form.officers())
                .param("arrests", results.arrests())
                .param("rings", results.ringsBroken())
                .param("cleared", results.hotspotsCleared())
                .param("items", results.itemsSeized())
                .param("seized", results.seizedDescription())
                .param("summary", results.summary())
                .param("by", caller.username())
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO campaign_unit (campaign_id, unit_id) SELECT :id, unnest(CAST(:units AS bigint[]))")
                .param("id", id)
                .param("units", covered.toArray(Long[]::new))
                .update();
        if (!targeted.isEmpty()) {
            jdbc.sql("INSERT INTO campaign_hotspot (campaign_id, hotspot_id) SELECT :id, unnest(CAST(:h AS bigint[]))")
                    .param("id", id)
                    .param("h", targeted.toArray(Long[]::new))
                    .update();
        }
        Campaign after = load(id).orElseThrow();
        events.publishEvent(new CampaignRecorded(id, unit.id(), null, after));
        return after;
    }

    /** Records (or corrects) the results of a campaign organised by the unit or a unit under it. */
    @Transactional
    public Campaign recordResults(Caller caller, long unitId, long campaignId, Campaign.Results results) {
        Campaign before = writableCampaign(caller, unitId, campaignId);
        Campaign.Results checked = results(results);
        jdbc.sql("""
                UPDATE campaign SET arrests = :arrests, rings_broken = :rings, hotspots_cleared = :cleared,
                       items_seized = :items, seized_description = :seized, results = :summary WHERE id = :id""")
                .param("arrests", checked.arrests())
                .param("rings", checked.ringsBroken())
                .param("cleared", checked.hotspotsCleared())
                .param("items", checked.itemsSeized())
                .param("seized", checked.seizedDescription())
                .param("summary", checked.summary())
                .param("id", campaignId)
                .update();
        Campaign after = load(campaignId).orElseThrow();
        events.publishEvent(new CampaignRecorded(campaignId, before.organisingUnitId(), before, after));
        return after;
    }

    /**
     * Corrects what was recorded: name, kind, period, units covered, forces, officers and hotspots
     * linked, checked as at recording; every unit covered, before and after, must be in the caller's
     * capture scope (else 403). The organising unit and the results are kept.
     */
    @Transactional
    public Campaign correct(Caller caller, long unitId, long campaignId, Campaign.Correction form) {
        Campaign before = writableCampaign(caller, unitId, campaignId);
        UnitView organiser = units.visible(caller.capture(), before.organisingUnitId());
        Checked checked = check(
                caller,
                organiser,
                form.name(),
                form.kind(),
                form.startedOn(),
                form.endedOn(),
                form.unitIds(),
                form.officers(),
                form.hotspotIds());
        jdbc.sql("""
                UPDATE campaign SET name = :name, kind = :kind, started_on = :from, ended_on = :to, forces = :forces,
                       officers = :officers WHERE id = :id""")
                .param("name", checked.name())
                .param("kind", form.kind().name())
                .param("from", form.startedOn())
                .param("to", form.endedOn())
                .param("forces", Hotspots.bounded("forces", form.forces(), MAX_FORCES))
                .param("officers", form.officers())
                .param("id", campaignId)
                .update();
        jdbc.sql("DELETE FROM campaign_unit WHERE campaign_id = :id")
                .param("id", campaignId)
                .update();
        jdbc.sql("INSERT INTO campaign_unit (campaign_id, unit_id) SELECT :id, unnest(CAST(:units AS bigint[]))")
                .param("id", campaignId)
                .param("units", checked.covered().toArray(Long[]::new))
                .update();
        jdbc.sql("DELETE FROM campaign_hotspot WHERE campaign_id = :id")
                .param("id", campaignId)
                .update();
        if (!checked.targeted().isEmpty()) {
            jdbc.sql("INSERT INTO campaign_hotspot (campaign_id, hotspot_id) SELECT :id, unnest(CAST(:h AS bigint[]))")
                    .param("id", campaignId)
                    .param("h", checked.targeted().toArray(Long[]::new))
                    .update();
        }
        Campaign after = load(campaignId).orElseThrow();
        events.publishEvent(new CampaignRecorded(campaignId, before.organisingUnitId(), before, after));
        return after;
    }

    /** A campaign organised by, or covering, the unit or a unit under it. */
    public Campaign find(Scope scope, long unitId, long campaignId) {
        List<Long> ids = units.subtreeIds(scope, unitId);
        Campaign campaign = load(campaignId).orElseThrow(() -> new UnknownHotspotException("campaign", campaignId));
        if (!ids.contains(campaign.organisingUnitId())
                && campaign.unitIds().stream().noneMatch(ids::contains)) {
            throw new UnknownHotspotException("campaign", campaignId);
        }
        return campaign;
    }

    /** The campaigns organised by, or covering, the unit or a unit under it whose period meets {@code from}–{@code to}. */
    public List<Campaign> under(Scope scope, long unitId, LocalDate from, LocalDate to) {
        return underQuery(scope, unitId, from, to).query(Campaigns::row).list();
    }

    /** The same campaigns, every one of them, handed over one at a time from a cursor (an export). */
    @Transactional(readOnly = true)
    public void each(Scope scope, long unitId, LocalDate from, LocalDate to, Consumer<Campaign> each) {
        underQuery(scope, unitId, from, to)
                .withFetchSize(SheetExports.FETCH_SIZE)
                .query(rs -> {
                    each.accept(row(rs, 0));
                });
    }

    private JdbcClient.StatementSpec underQuery(Scope scope, long unitId, LocalDate from, LocalDate to) {
        Long[] ids = units.subtreeIds(scope, unitId).toArray(Long[]::new);
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign c WHERE c.started_on <= :to AND c.ended_on >= :from AND "
                        + UNDER + " ORDER BY c.started_on DESC, c.id DESC")
                .param("from", from)
                .param("to", to)
                .param("ids", ids);
    }

    /**
     * For the statistics: per given unit, the campaigns it organised itself that ended in the period's
     * events window ({@link Period#firstEventDay()} to its last day, so each counts in one period), with
     * their officers and results summed; one query for all the units; a unit with none is left out.
     */
    public Map<Long, Campaign.Totals> organisedCounts(Scope scope, Collection<Long> unitIds, Period period) {
        if (!scope.wholeCountry()) {
            units.requireAll(scope, unitIds);
        }
        Map<Long, Campaign.Totals> counts = new HashMap<>();
        if (unitIds.isEmpty()) {
            return counts;
        }
        LocalDate from = period.firstEventDay();
        jdbc.sql("""
                SELECT organising_unit_id, count(*) AS campaigns, count(*) FILTER (WHERE kind = 'CRACKDOWN') AS crackdowns,
                       count(*) FILTER (WHERE kind = 'PATROL') AS patrols, coalesce(sum(officers), 0) AS officers,
                       coalesce(sum(arrests), 0) AS arrests, coalesce(sum(rings_broken), 0) AS rings,
                       coalesce(sum(hotspots_cleared), 0) AS cleared, coalesce(sum(items_seized), 0) AS items
                  FROM campaign WHERE organising_unit_id = ANY (CAST(:ids AS bigint[]))
                   AND ended_on BETWEEN :from AND :to
                 GROUP BY organising_unit_id""")
                .param("ids", unitIds.toArray(Long[]::new))
                .param("from", from)
                .param("to", period.to())
                .query((rs, n) -> counts.put(
                        rs.getLong(1),
                        new Campaign.Totals(
                                rs.getLong(1),
                                from,
                                period.to(),
                                rs.getLong("campaigns"),
                                rs.getLong("crackdowns"),
                                rs.getLong("patrols"),
                                rs.getLong("officers"),
                                rs.getLong("arrests"),
                                rs.getLong("rings"),
                                rs.getLong("cleared"),
                                rs.getLong("items"))))
                .list();
        return counts;
    }

    /**
     * The campaigns {@link #organisedCounts} counted under a unit: organised by it or a unit under it on
     * the day {@code tree} ({@link FactWindow#treeOn}), ended in the period's events window; newest first.
     */
    public List<Campaign> organisedIn(Scope scope, long unitId, Period period, LocalDate tree) {
        Long[] ids = units.subtreeIds(scope, unitId, tree).toArray(Long[]::new);
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM campaign c WHERE c.organising_unit_id = ANY (CAST(:ids AS bigint[]))"
                        + " AND c.ended_on BETWEEN :from AND :to ORDER BY c.started_on DESC, c.id DESC")
                .param("ids", ids)
                .param("from", period.firstEventDay())
                .param("to", period.to())
                .query(Campaigns::row)
                .list();
    }

    /** The campaigns of a hotspot the scope sees, newest first. */
    public List<Campaign> ofHotspot(Scope scope, long unitId, long hotspotId) {
        hotspots.find(scope, unitId, hotspotId, Dates.today());
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign c JOIN campaign_hotspot ch ON ch.campaign_id = c.id"
                        + " WHERE ch.hotspot_id = :h ORDER BY c.started_on DESC, c.id DESC")
                .param("h", hotspotId)
                .query(Campaigns::row)
                .list();
    }

    /**
     * The results of the campaigns under the unit (organised by or covering a unit of its subtree)
     * that ended in the period, summed: a campaign's results count in the period of its last day.
     */
    public Campaign.Totals totals(Scope scope, long unitId, LocalDate from, LocalDate to) {
        Long[] ids = units.subtreeIds(scope, unitId).toArray(Long[]::new);
        return jdbc.sql("""
                SELECT count(*) AS campaigns, count(*) FILTER (WHERE kind = 'CRACKDOWN') AS crackdowns,
                       count(*) FILTER (WHERE kind = 'PATROL') AS patrols, coalesce(sum(officers), 0) AS officers,
                       coalesce(sum(arrests), 0) AS arrests, coalesce(sum(rings_broken), 0) AS rings,
                       coalesce(sum(hotspots_cleared), 0) AS cleared, coalesce(sum(items_seized), 0) AS items
                  FROM campaign c WHERE c.ended_on BETWEEN :from AND :to""" + " AND " + UNDER)
                .param("from", from)
                .param("to", to)
                .param("ids", ids)
                .query((rs, n) -> new Campaign.Totals(
                        unitId,
                        from,
                        to,
                        rs.getLong("campaigns"),
                        rs.getLong("crackdowns"),
                        rs.getLong("patrols"),
                        rs.getLong("officers"),
                        rs.getLong("arrests"),
                        rs.getLong("rings"),
                        rs.getLong("cleared"),
                        rs.getLong("items")))
                .single();
    }

    /** A campaign organised by the unit or a unit under it, every unit it covers in the caller's capture scope. */
    private Campaign writableCampaign(Caller caller, long unitId, long campaignId) {
        units.writable(caller, unitId);
        Campaign campaign = find(caller.capture(), unitId, campaignId);
        if (!units.under(unitId, campaign.organisingUnitId())) {
            throw new UnknownHotspotException("campaign", campaignId);
        }
        units.requireAll(caller.capture(), campaign.unitIds());
        return campaign;
    }

    private record Checked(String name, List<Long> covered, List<Long> targeted) {}

    /**
     * What recording and correcting check alike: name, kind and period required, its end not before its
     * start, officers not negative; the units covered (none: the organiser) under the organiser and in
     * the capture scope; every hotspot linked one the caller sees (else 403).
     */
    private Checked check(
            Caller caller,
            UnitView organiser,
            String name,
            Campaign.Kind kind,
            LocalDate from,
            LocalDate to,
            List<Long> unitIds,
            Integer officers,
            List<Long> hotspotIds) {
        String checkedName = Hotspots.required("name", name, Hotspots.MAX_NAME);
        if (kind == null) {
            throw new HotspotRefusedException("kind", "order.hotspots.error.required");
        }
        if (from == null) {
            throw new HotspotRefusedException("startedOn", "order.hotspots.error.required");
        }
        if (to == null) {
            throw new HotspotRefusedException("endedOn", "order.hotspots.error.required");
        }
        if (to.isBefore(from)) {
            throw new HotspotRefusedException("endedOn", "order.campaign.error.endBeforeStart");
        }
        if (officers != null && officers < 0) {
            throw new HotspotRefusedException("officers", "order.hotspots.error.negative");
        }
        List<Long> covered = distinct(unitIds);
        if (covered.isEmpty()) {
            covered = List.of(organiser.id());
        }
        for (long id : covered) {
            if (!units.under(organiser.id(), id)) {
                throw new HotspotRefusedException("unitIds", "order.campaign.error.unitNotUnder", organiser.name());
            }
        }
        units.requireAll(caller.capture(), covered);
        List<Long> targeted = distinct(hotspotIds);
        List<Hotspot> seen = hotspots.findAll(caller.view(), targeted, Dates.today());
        if (seen.size() != targeted.size()) {
            // a hotspot unknown, or one the caller does not see: refused without saying which
            throw new AccessRefusedException("campaign links hotspots outside the caller's view: " + targeted);
        }
        return new Checked(checkedName, covered, targeted);
    }

    private static Campaign.Results results(Campaign.Results results) {
        if (results == null) {
            return Campaign.Results.NONE;
        }
        check("arrests", results.arrests());
        check("ringsBroken", results.ringsBroken());
        check("hotspotsCleared", results.hotspotsCleared());
        check("itemsSeized", results.itemsSeized());
        return new Campaign.Results(
                results.arrests(),
                results.ringsBroken(),
                results.hotspotsCleared(),
                results.itemsSeized(),
                Hotspots.bounded("seizedDescription", results.seizedDescription(), MAX_SEIZED),
                Hotspots.bounded("summary", results.summary(), MAX_SUMMARY));
    }

    private static void check(String field, int value) {
        if (value < 0) {
            throw new HotspotRefusedException(field, "order.hotspots.error.negative");
        }
    }

    private static List<Long> distinct(List<Long> ids) {
        return ids == null
                ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(
                        ids.stream().filter(Objects::nonNull).toList()));
    }

    private Optional<Campaign> load(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign c WHERE c.id = :id")
                .param("id", id)
                .query(Campaigns::row)
                .optional();
    }

    static Campaign row(ResultSet rs, int n) throws SQLException {
        return new Campaign(
                rs.getLong("id"),
                rs.getString("name"),
                Campaign.Kind.valueOf(rs.getString("kind")),
                rs.getLong("organising_unit_id"),
                rs.getObject("started_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class),
                Hotspots.longs(rs.getArray("unit_ids")),
                rs.getString("forces"),
                rs.getObject("officers", Integer.class),
                new Campaign.Results(
                        rs.getInt("arrests"),
                        rs.getInt("rings_broken"),
                        rs.getInt("hotspots_cleared"),
                        rs.getInt("items_seized"),
                        rs.getString("seized_description"),
                        rs.getString("results")),
                Hotspots.longs(rs.getArray("hotspot_ids")));
    }
}
