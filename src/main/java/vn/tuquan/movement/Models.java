package vn.tuquan.movement;

import static vn.tuquan.shared.Texts.blankToNull;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitView;

/** Models run by units, their yearly assessments, and the security cameras. */
@Service
public class Models {

    private final JdbcClient jdbc;
    private final ModelTypes types;
    private final MovementUnits units;
    private final ApplicationEventPublisher events;

    Models(JdbcClient jdbc, ModelTypes types, MovementUnits units, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.types = types;
        this.units = units;
        this.events = events;
    }

    /** Starts a model in a unit; refused when its type may not be run by that kind of unit. */
    @Transactional
    public MovementModel create(Caller caller, long unitId, MovementModel.Form form) {
        UnitView unit = units.writable(caller, unitId);
        ModelType type = check(unit, form, null);
        long id = jdbc.sql("""
                INSERT INTO movement_model (unit_id, type_code, name, started_on, ended_on, leader, members, campaigns)
                VALUES (:unit, :type, :name, :started, :ended, :leader, :members, CAST(:campaigns AS text[]))
                RETURNING id
                """)
                .param("unit", unit.id())
                .param("type", type.code())
                .param("name", form.name().strip())
                .param("started", form.startedOn())
                .param("ended", form.endedOn())
                .param("leader", blankToNull(form.leader()))
                .param("members", form.members())
                .param("campaigns", textArray(form.campaigns()))
                .query(Long.class)
                .single();
        MovementModel model = find(id);
        events.publishEvent(new MovementRecorded("model", Long.toString(id), unit.id(), true, model));
        return model;
    }

    /**
     * Corrects a model of the unit: the rules of {@link #create} (a type that is no longer used may
     * stay, not be chosen anew), and its yearly assessments must stay within its new dates.
     */
    @Transactional
    public MovementModel edit(Caller caller, long unitId, long modelId, MovementModel.Form form) {
        UnitView unit = units.writable(caller, unitId);
        MovementModel before = ownModel(unit, modelId);
        ModelType type = check(unit, form, before.typeCode());
        requireAssessmentsWithin(modelId, form.startedOn(), form.endedOn());
        jdbc.sql("""
                UPDATE movement_model SET type_code = :type, name = :name, started_on = :started, ended_on = :ended,
                       leader = :leader, members = :members, campaigns = CAST(:campaigns AS text[])
                WHERE id = :id
                """)
                .param("type", type.code())
                .param("name", form.name().strip())
                .param("started", form.startedOn())
                .param("ended", form.endedOn())
                .param("leader", blankToNull(form.leader()))
                .param("members", form.members())
                .param("campaigns", textArray(form.campaigns()))
                .param("id", modelId)
                .update();
        MovementModel after = find(modelId);
        events.publishEvent(MovementRecorded.changed("model", Long.toString(modelId), unit.id(), before, after));
        return after;
    }

    /** Ends a model of the unit on a day (or corrects its end): not before its start nor before its last assessed year. */
    @Transactional
    public MovementModel end(Caller caller, long unitId, long modelId, LocalDate endedOn) {
        UnitView unit = units.writable(caller, unitId);
        MovementModel model = ownModel(unit, modelId);
        if (endedOn == null) {
            throw new MovementRefusedException("endedOn", "movement.error.required");
        }
        return edit(
                caller,
                unitId,
                modelId,
                new MovementModel.Form(
                        model.typeCode(),
                        model.name(),
                        model.startedOn(),
                        endedOn,
                        model.leader(),
                        model.members(),
                        model.campaigns()));
    }

    /**
     * Removes a model recorded by mistake. Refused once it has a yearly assessment (the model ran:
     * end it instead); its cameras stay, no longer part of a model. Answers what it was.
     */
    @Transactional
    public MovementModel remove(Caller caller, long unitId, long modelId) {
        UnitView unit = units.writable(caller, unitId);
        MovementModel model = ownModel(unit, modelId);
        boolean assessed = jdbc.sql("SELECT count(*) > 0 FROM model_assessment WHERE model_id = :id")
                .param("id", modelId)
                .query(Boolean.class)
                .single();
        if (assessed) {
            throw new MovementRefusedException("modelId", "movement.error.modelAssessed");
        }
        List<Long> cameras = jdbc.sql("UPDATE security_camera SET model_id = NULL WHERE model_id = :id RETURNING id")
                .param("id", modelId)
                .query(Long.class)
                .list();
        jdbc.sql("DELETE FROM movement_model WHERE id = :id")
                .param("id", modelId)
                .update();
        events.publishEvent(MovementRecorded.removed(
                "model", Long.toString(modelId), unit.id(), Map.of("model", model, "camerasDetached", cameras)));
        return model;
    }

    /** The rules of a model's form; the type it had may stay even when no longer used. */
    private ModelType check(UnitView unit, MovementModel.Form form, String previousType) {
        if (form.typeCode() == null || form.typeCode().isBlank()) {
            throw new MovementRefusedException("typeCode", "movement.error.required");
        }
        ModelType type = types.find(form.typeCode())
                .orElseThrow(() -> new MovementRefusedException("typeCode", "movement.error.unknownType"));
        if (!type.active() && !type.code().equals(previousType)) {
            throw new MovementRefusedException("typeCode", "movement.error.inactiveType");
        }
        if (!type.allows(unit.kind())) {
            throw new MovementRefusedException("typeCode", "movement.error.typeNotForKind");
        }
        if (form.name() == null || form.name().isBlank()) {
            throw new MovementRefusedException("name", "movement.error.required");
        }
        bounded("name", form.name(), MAX_NAME);
        bounded("leader", form.leader(), MAX_PERSON);
        boundedCampaigns(form.campaigns());
        if (form.startedOn() == null) {
            throw new MovementRefusedException("startedOn", "movement.error.required");
        }
        if (form.endedOn() != null && form.endedOn().isBefore(form.startedOn())) {
            throw new MovementRefusedException("endedOn", "movement.error.endBeforeStart");
        }
        if (form.members() != null && form.members() < 0) {
            throw new MovementRefusedException("members", "movement.error.negative");
        }
        return type;
    }

    private void requireAssessmentsWithin(long modelId, LocalDate startedOn, LocalDate endedOn) {
        var years = jdbc.sql("SELECT min(year) AS first, max(year) AS last FROM model_assessment WHERE model_id = :id")
                .param("id", modelId)
                .query((rs, n) -> new int[] {rs.getInt("first"), rs.getInt("last")})
                .single();
        if (years[0] == 0) {
            return;
        }
        if (startedOn.getYear() > years[0]) {
            throw new MovementRefusedException("startedOn", "movement.error.assessedOutside");
        }
        if (endedOn != null && endedOn.getYear() < years[1]) {
            throw new MovementRefusedException("endedOn", "movement.error.assessedOutside");
        }
    }

    /** A model of the unit (a model of another unit is not found under it). */
    private MovementModel ownModel(UnitView unit, long modelId) {
        MovementModel model = find(modelId);
        if (model.unitId() != unit.id()) {
            throw new UnknownMovementRecordException("model", modelId);
        }
        return model;
    }

    /** Records (or corrects) whether a model worked effectively in a year, and why. */
    @Transactional
    public MovementModel.Assessment assess(
            Caller caller, long unitId, long modelId, Integer year, Boolean effective, String reason) {
        UnitView unit = units.writable(caller, unitId); // the target first: refused outside the capture scope
        MovementModel model = ownModel(unit, modelId);
        if (year == null) {
            throw new MovementRefusedException("year", "movement.error.required");
        }
        if (effective == null) {
            throw new MovementRefusedException("effective", "movement.error.required");
        }
        if (reason == null || reason.isBlank()) {
            throw new MovementRefusedException("reason", "movement.error.required");
        }
        bounded("reason", reason, MAX_REASON);
        if (year < model.startedOn().getYear()
                || model.endedOn() != null && year > model.endedOn().getYear()) {
            throw new MovementRefusedException("year", "movement.error.yearOutsideModel");
        }
        Optional<MovementModel.Assessment> before = assessment(modelId, year);
        jdbc.sql("""
                INSERT INTO model_assessment (model_id, year, effective, reason) VALUES (:model, :year, :effective, :reason)
                ON CONFLICT (model_id, year) DO UPDATE SET effective = EXCLUDED.effective, reason = EXCLUDED.reason
                """)
                .param("model", modelId)
                .param("year", year)
                .param("effective", effective)
                .param("reason", reason.strip())
                .update();
        var assessment = new MovementModel.Assessment(modelId, year, effective, reason.strip());
        events.publishEvent(new MovementRecorded(
                "model-assessment",
                modelId + "/" + year,
                unit.id(),
                before.isEmpty() ? MovementRecorded.Change.CREATED : MovementRecorded.Change.UPDATED,
                before.orElse(null),
                assessment));
        return assessment;
    }

    /** Changes the assessment of a year (which must exist: {@link #assess} records a new one). */
    @Transactional
    public MovementModel.Assessment reassess(
            Caller caller, long unitId, long modelId, int year, Boolean effective, String reason) {
        UnitView unit = units.writable(caller, unitId);
        ownModel(unit, modelId);
        assessment(modelId, year)
                .orElseThrow(() -> new UnknownMovementRecordException("assessment", modelId + "/" + year));
        if (effective == null) {
            throw new MovementRefusedException("effective", "movement.error.required");
        }
        return assess(caller, unitId, modelId, year, effective, reason);
    }

    /** Removes the assessment of a year recorded by mistake; answers what it was. */
    @Transactional
    public MovementModel.Assessment removeAssessment(Caller caller, long unitId, long modelId, int year) {
        UnitView unit = units.writable(caller, unitId);
        ownModel(unit, modelId);
        MovementModel.Assessment before = assessment(modelId, year)
                .orElseThrow(() -> new UnknownMovementRecordException("assessment", modelId + "/" + year));
        jdbc.sql("DELETE FROM model_assessment WHERE model_id = :model AND year = :year")
                .param("model", modelId)
                .param("year", year)
                .update();
        events.publishEvent(MovementRecorded.removed("model-assessment", modelId + "/" + year, unit.id(), before));
        return before;
    }

    private Optional<MovementModel.Assessment> assessment(long modelId, int year) {
        return jdbc.sql("SELECT * FROM model_assessment WHERE model_id = :model AND year = :year")
                .param("model", modelId)
                .param("year", year)
                .query(Models::assessmentRow)
                .optional();
    }

    /** The models of a unit and of every unit under it. */
    public List<MovementModel> under(Scope scope, long unitId) {
        return underQuery(scope, unitId).query(Models::row).list();
    }

    /**
     * The models of a type running on a day (started, not ended) in the unit and every unit under it on
     * that day: the models {@link MovementCounts#byType} counts for the year whose last day it is.
     */
    public List<MovementModel> runningUnder(Scope scope, long unitId, LocalDate day, String typeCode) {
        Long[] ids = units.subtree(scope, unitId, Set.of(), day).stream()
                .map(UnitView::id)
                .toArray(Long[]::new);
        return jdbc.sql(
                        "SELECT m.* FROM movement_model m WHERE m.unit_id = ANY (CAST(? AS bigint[])) AND m.type_code = ?"
                                + " AND " + MovementCounts.RUNNING + " ORDER BY m.unit_id, m.started_on, m.id")
                .param(ids)
                .param(typeCode)
                .param(day)
                .param(day)
                .query(Models::row)
                .list();
    }

    /** The same models, every one of them, handed over one at a time from a cursor (an export). */
    @Transactional(readOnly = true)
    public void eachUnder(Scope scope, long unitId, Consumer<MovementModel> each) {
        underQuery(scope, unitId).withFetchSize(SheetExports.FETCH_SIZE).query(rs -> {
            each.accept(row(rs, 0));
        });
    }

    private JdbcClient.StatementSpec underQuery(Scope scope, long unitId) {
        List<Long> ids = units.subtreeIds(scope, unitId);
        return jdbc.sql(
                        "SELECT * FROM movement_model WHERE unit_id = ANY(CAST(:ids AS bigint[])) ORDER BY unit_id, started_on, id")
                .param("ids", ids.toArray(Long[]::new));
    }

    public List<MovementModel.Assessment> assessments(Scope scope, long unitId, long modelId) {
        units.visible(scope, unitId);
        return jdbc.sql("""
                SELECT a.* FROM model_assessment a JOIN movement_model m ON m.id = a.model_id
                WHERE a.model_id = :model AND m.unit_id = :unit ORDER BY a.year
                """)
                .param("model", modelId)
                .param("unit", unitId)
                .query(Models::assessmentRow)
                .list();
    }

    /** How many models under the unit were assessed effective in the year (RULEBOOK: at least one). */
    public long effectiveCount(Scope scope, long unitId, int year) {
        return effectiveByUnit(scope, unitId, year).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** The ids of the models of the unit and under it assessed effective in the year: what {@link #effectiveByUnit} counts. */
    public Set<Long> effectiveIds(Scope scope, long unitId, int year) {
        List<Long> ids = units.subtreeIds(scope, unitId);
        return new HashSet<>(jdbc.sql("""
                SELECT m.id FROM model_assessment a JOIN movement_model m ON m.id = a.model_id
                WHERE m.unit_id = ANY(CAST(:ids AS bigint[])) AND a.year = :year AND a.effective
                """)
                .param("ids", ids.toArray(Long[]::new))
                .param("year", year)
                .query(Long.class)
                .list());
    }

    /**
     * The models assessed effective in the year per unit that holds them, for the unit and every unit
     * under it, in one query (the yearly evaluation's {@code models.effective}, summed up the tree by
     * its reader). Units with none are absent.
     */
    public Map<Long, Long> effectiveByUnit(Scope scope, long unitId, int year) {
        List<Long> ids = units.subtreeIds(scope, unitId);
        Map<Long, Long> found = new HashMap<>();
        jdbc.sql("""
                SELECT m.unit_id, count(*) FROM model_assessment a JOIN movement_model m ON m.id = a.model_id
                WHERE m.unit_id = ANY(CAST(:ids AS bigint[])) AND a.year = :year AND a.effective GROUP BY m.unit_id
                """).param("ids", ids.toArray(Long[]::new)).param("year", year).query((ResultSet rs) -> {
            found.put(rs.getLong(1), rs.getLong(2));
        });
        return found;
    }

    /** Registers a camera watching a unit (an area), optionally part of one of its models. */
    @Transactional
    public Camera register(Caller caller, long unitId, Camera.Form form) {
        UnitView unit = units.writable(caller, unitId);
        check(caller, form);
        long id = jdbc.sql("""
                INSERT INTO security_camera (unit_id, model_id, latitude, longitude, owner, description, installed_on)
                VALUES (:unit, :model, :lat, :lon, :owner, :description, :installed) RETURNING id
                """)
                .param("unit", unit.id())
                .param("model", form.modelId())
                .param("lat", form.latitude())
                .param("lon", form.longitude())
                .param("owner", form.owner().strip())
                .param("description", blankToNull(form.description()))
                .param("installed", form.installedOn())
                .query(Long.class)
                .single();
        Camera camera = camera(id).orElseThrow();
        events.publishEvent(new MovementRecorded("camera", Long.toString(id), unit.id(), true, camera));
        return camera;
    }

    /** Corrects a camera watching the unit, with the rules of {@link #register}. */
    @Transactional
    public Camera editCamera(Caller caller, long unitId, long cameraId, Camera.Form form) {
        UnitView unit = units.writable(caller, unitId);
        Camera before = ownCamera(unit, cameraId);
        check(caller, form);
        jdbc.sql("""
                UPDATE security_camera SET model_id = :model, latitude = :lat, longitude = :lon, owner = :owner,
                       description = :description, installed_on = :installed WHERE id = :id
                """)
                .param("model", form.modelId())
                .param("lat", form.latitude())
                .param("lon", form.longitude())
                .param("owner", form.owner().strip())
                .param("description", blankToNull(form.description()))
                .param("installed", form.installedOn())
                .param("id", cameraId)
                .update();
        Camera after = camera(cameraId).orElseThrow();
        events.publishEvent(MovementRecorded.changed("camera", Long.toString(cameraId), unit.id(), before, after));
        return after;
    }

    /** Removes a camera watching the unit (taken down, or recorded by mistake); answers what it was. */
    @Transactional
    public Camera removeCamera(Caller caller, long unitId, long cameraId) {
        UnitView unit = units.writable(caller, unitId);
        Camera before = ownCamera(unit, cameraId);
        jdbc.sql("DELETE FROM security_camera WHERE id = :id")
                .param("id", cameraId)
                .update();
        events.publishEvent(MovementRecorded.removed("camera", Long.toString(cameraId), unit.id(), before));
        return before;
    }

    private void check(Caller caller, Camera.Form form) {
        if (form.latitude() == null || form.latitude() < -90 || form.latitude() > 90) {
            throw new MovementRefusedException("latitude", "movement.error.latitude");
        }
        if (form.longitude() == null || form.longitude() < -180 || form.longitude() > 180) {
            throw new MovementRefusedException("longitude", "movement.error.longitude");
        }
        if (form.owner() == null || form.owner().isBlank()) {
            throw new MovementRefusedException("owner", "movement.error.required");
        }
        bounded("owner", form.owner(), MAX_PERSON);
        bounded("description", form.description(), MAX_DESCRIPTION);
        if (form.modelId() != null) {
            MovementModel model = jdbc.sql("SELECT * FROM movement_model WHERE id = :id")
                    .param("id", form.modelId())
                    .query(Models::row)
                    .optional()
                    .orElseThrow(() -> new MovementRefusedException("modelId", "movement.error.unknownModel"));
            units.writable(caller, model.unitId());
        }
    }

    private Camera ownCamera(UnitView unit, long cameraId) {
        return camera(cameraId)
                .filter(c -> c.unitId() == unit.id())
                .orElseThrow(() -> new UnknownMovementRecordException("camera", cameraId));
    }

    private Optional<Camera> camera(long id) {
        return jdbc.sql("SELECT * FROM security_camera WHERE id = :id")
                .param("id", id)
                .query(Models::cameraRow)
                .optional();
    }

    /** The cameras watching the unit or any unit under it. */
    public List<Camera> cameras(Scope scope, long unitId) {
        return camerasQuery(scope, unitId).query(Models::cameraRow).list();
    }

    /** The same cameras, every one of them, handed over one at a time from a cursor (an export). */
    @Transactional(readOnly = true)
    public void eachCamera(Scope scope, long unitId, Consumer<Camera> each) {
        camerasQuery(scope, unitId).withFetchSize(SheetExports.FETCH_SIZE).query(rs -> {
            each.accept(cameraRow(rs, 0));
        });
    }

    private JdbcClient.StatementSpec camerasQuery(Scope scope, long unitId) {
        List<Long> ids = units.subtreeIds(scope, unitId);
        return jdbc.sql("SELECT * FROM security_camera WHERE unit_id = ANY(CAST(:ids AS bigint[])) ORDER BY id")
                .param("ids", ids.toArray(Long[]::new));
    }

    MovementModel find(long id) {
        return jdbc.sql("SELECT * FROM movement_model WHERE id = :id")
                .param("id", id)
                .query(Models::row)
                .optional()
                .orElseThrow(() -> new UnknownMovementRecordException("model", id));
    }

    static MovementModel row(ResultSet rs, int n) throws SQLException {
        return new MovementModel(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getString("type_code"),
                rs.getString("name"),
                rs.getObject("started_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class),
                rs.getString("leader"),
                (Integer) rs.getObject("members"),
                strings(rs.getArray("campaigns")));
    }

    static Camera cameraRow(ResultSet rs, int n) throws SQLException {
        return new Camera(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                (Long) rs.getObject("model_id"),
                rs.getDouble("latitude"),
                rs.getDouble("longitude"),
                rs.getString("owner"),
                rs.getString("description"),
                rs.getObject("installed_on", LocalDate.class));
    }

    static MovementModel.Assessment assessmentRow(ResultSet rs, int n) throws SQLException {
        return new MovementModel.Assessment(
                rs.getLong("model_id"), rs.getInt("year"), rs.getBoolean("effective"), rs.getString("reason"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .map(String::valueOf)
                        .toList();
    }

    static String textArray(List<String> values) {
        if (values == null) {
            return "{}";
        }
        return "{"
                + String.join(
                        ",",
                        values.stream()
                                .filter(v -> v != null && !v.isBlank())
                                .map(v -> "\"" + v.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                                .toList())
                + "}";
    }

    /** A model's name; a model type's names (docs/security.md, "Input bounds"). */
    static final int MAX_NAME = 300;
    /** A person's name: a model's leader, a camera's owner, a person awarded. */
    static final int MAX_PERSON = 200;
    /** A camera's description. */
    static final int MAX_DESCRIPTION = 300;
    /** An assessment's reason. */
    static final int MAX_REASON = 2000;
    /** The campaigns a record belongs to, written one after another with commas. */
    static final int MAX_CAMPAIGNS = 500;

    /** Refuses a text longer than {@code max} characters, naming the field. */
    static void bounded(String field, String value, int max) {
        if (TextLimits.tooLong(value, max)) {
            throw new MovementRefusedException(field, "movement.error.tooLong", max, TextLimits.length(value));
        }
    }

    /** Refuses campaigns longer together (as stored: stripped, blanks left out, joined by commas) than allowed. */
    static void boundedCampaigns(List<String> campaigns) {
        if (campaigns != null) {
            bounded(
                    "campaigns",
                    String.join(
                            ",",
                            campaigns.stream()
                                    .filter(c -> c != null && !c.isBlank())
                                    .map(String::strip)
                                    .toList()),
                    MAX_CAMPAIGNS);
        }
    }
}
