package vn.tuquan.movement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
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
        if (form.typeCode() == null || form.typeCode().isBlank()) {
            throw new MovementRefusedException("typeCode", "movement.error.required");
        }
        ModelType type = types.find(form.typeCode())
                .orElseThrow(() -> new MovementRefusedException("typeCode", "movement.error.unknownType"));
        if (!type.active()) {
            throw new MovementRefusedException("typeCode", "movement.error.inactiveType");
        }
        if (!type.allows(unit.kind())) {
            throw new MovementRefusedException("typeCode", "movement.error.typeNotForKind");
        }
        if (form.name() == null || form.name().isBlank()) {
            throw new MovementRefusedException("name", "movement.error.required");
        }
        if (form.startedOn() == null) {
            throw new MovementRefusedException("startedOn", "movement.error.required");
        }
        if (form.endedOn() != null && form.endedOn().isBefore(form.startedOn())) {
            throw new MovementRefusedException("endedOn", "movement.error.endBeforeStart");
        }
        if (form.members() != null && form.members() < 0) {
            throw new MovementRefusedException("members", "movement.error.negative");
        }
        long id = jdbc.sql("""
                INSERT INTO movement_model (unit_id, type_code, name, started_on, ended_on, leader, members, campaigns)
                VALUES (:unit, :type, :name, :started, :ended, :leader, :members, CAST(:campaigns AS text[]))
                RETURNING id
                """).param("unit", unit.id()).param("type", type.code()).param("name", form.name().strip())
                .param("started", form.startedOn()).param("ended", form.endedOn())
                .param("leader", blankToNull(form.leader())).param("members", form.members())
                .param("campaigns", textArray(form.campaigns())).query(Long.class).single();
        MovementModel model = find(id);
        events.publishEvent(new MovementRecorded("model", Long.toString(id), unit.id(), true, model));
        return model;
    }

    /** Records (or corrects) whether a model worked effectively in a year, and why. */
    @Transactional
    public MovementModel.Assessment assess(Caller caller, long unitId, long modelId, int year, boolean effective,
            String reason) {
        UnitView unit = units.writable(caller, unitId);
        MovementModel model = find(modelId);
        if (model.unitId() != unit.id()) {
            throw new UnknownMovementRecordException("model", modelId);
        }
        if (reason == null || reason.isBlank()) {
            throw new MovementRefusedException("reason", "movement.error.required");
        }
        if (year < model.startedOn().getYear() || model.endedOn() != null && year > model.endedOn().getYear()) {
            throw new MovementRefusedException("year", "movement.error.yearOutsideModel");
        }
        jdbc.sql("""
                INSERT INTO model_assessment (model_id, year, effective, reason) VALUES (:model, :year, :effective, :reason)
                ON CONFLICT (model_id, year) DO UPDATE SET effective = EXCLUDED.effective, reason = EXCLUDED.reason
                """).param("model", modelId).param("year", year).param("effective", effective)
                .param("reason", reason.strip()).update();
        var assessment = new MovementModel.Assessment(modelId, year, effective, reason.strip());
        events.publishEvent(new MovementRecorded("model-assessment", modelId + "/" + year, unit.id(), false, assessment));
        return assessment;
    }

    /** The models of a unit and of every unit under it. */
    public List<MovementModel> under(Scope scope, long unitId) {
        List<Long> ids = units.subtreeIds(scope, unitId);
        return jdbc.sql("SELECT * FROM movement_model WHERE unit_id = ANY(CAST(:ids AS bigint[])) ORDER BY unit_id, started_on, id")
                .param("ids", ids.toArray(Long[]::new)).query(Models::row).list();
    }

    public List<MovementModel.Assessment> assessments(Scope scope, long unitId, long modelId) {
        units.visible(scope, unitId);
        return jdbc.sql("""
                SELECT a.* FROM model_assessment a JOIN movement_model m ON m.id = a.model_id
                WHERE a.model_id = :model AND m.unit_id = :unit ORDER BY a.year
                """).param("model", modelId).param("unit", unitId)
                .query((rs, n) -> new MovementModel.Assessment(rs.getLong("model_id"), rs.getInt("year"),
                        rs.getBoolean("effective"), rs.getString("reason"))).list();
    }

    /** How many models under the unit were assessed effective in the year (RULEBOOK: at least one). */
    public long effectiveCount(Scope scope, long unitId, int year) {
        List<Long> ids = units.subtreeIds(scope, unitId);
        return jdbc.sql("""
                SELECT count(*) FROM model_assessment a JOIN movement_model m ON m.id = a.model_id
                WHERE m.unit_id = ANY(CAST(:ids AS bigint[])) AND a.year = :year AND a.effective
                """).param("ids", ids.toArray(Long[]::new)).param("year", year).query(Long.class).single();
    }

    /** Registers a camera watching a unit (an area), optionally part of one of its models. */
    @Transactional
    public Camera register(Caller caller, long unitId, Camera.Form form) {
        UnitView unit = units.writable(caller, unitId);
        if (form.latitude() == null || form.latitude() < -90 || form.latitude() > 90) {
            throw new MovementRefusedException("latitude", "movement.error.latitude");
        }
        if (form.longitude() == null || form.longitude() < -180 || form.longitude() > 180) {
            throw new MovementRefusedException("longitude", "movement.error.longitude");
        }
        if (form.owner() == null || form.owner().isBlank()) {
            throw new MovementRefusedException("owner", "movement.error.required");
        }
        if (form.modelId() != null) {
            MovementModel model = jdbc.sql("SELECT * FROM movement_model WHERE id = :id").param("id", form.modelId())
                    .query(Models::row).optional()
                    .orElseThrow(() -> new MovementRefusedException("modelId", "movement.error.unknownModel"));
            units.writable(caller, model.unitId());
        }
        long id = jdbc.sql("""
                INSERT INTO security_camera (unit_id, model_id, latitude, longitude, owner, description, installed_on)
                VALUES (:unit, :model, :lat, :lon, :owner, :description, :installed) RETURNING id
                """).param("unit", unit.id()).param("model", form.modelId()).param("lat", form.latitude())
                .param("lon", form.longitude()).param("owner", form.owner().strip())
                .param("description", blankToNull(form.description())).param("installed", form.installedOn())
                .query(Long.class).single();
        Camera camera = new Camera(id, unit.id(), form.modelId(), form.latitude(), form.longitude(), form.owner().strip(),
                blankToNull(form.description()), form.installedOn());
        events.publishEvent(new MovementRecorded("camera", Long.toString(id), unit.id(), true, camera));
        return camera;
    }

    /** The cameras watching the unit or any unit under it. */
    public List<Camera> cameras(Scope scope, long unitId) {
        List<Long> ids = units.subtreeIds(scope, unitId);
        return jdbc.sql("SELECT * FROM security_camera WHERE unit_id = ANY(CAST(:ids AS bigint[])) ORDER BY id")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new Camera(rs.getLong("id"), rs.getLong("unit_id"), (Long) rs.getObject("model_id"),
                        rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getString("owner"),
                        rs.getString("description"), rs.getObject("installed_on", java.time.LocalDate.class)))
                .list();
    }

    MovementModel find(long id) {
        return jdbc.sql("SELECT * FROM movement_model WHERE id = :id").param("id", id).query(Models::row).optional()
                .orElseThrow(() -> new UnknownMovementRecordException("model", id));
    }

    static MovementModel row(ResultSet rs, int n) throws SQLException {
        return new MovementModel(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("type_code"), rs.getString("name"),
                rs.getObject("started_on", java.time.LocalDate.class), rs.getObject("ended_on", java.time.LocalDate.class),
                rs.getString("leader"), (Integer) rs.getObject("members"), strings(rs.getArray("campaigns")));
    }

    static List<String> strings(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    static String textArray(List<String> values) {
        if (values == null) {
            return "{}";
        }
        return "{" + String.join(",", values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> "\"" + v.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
