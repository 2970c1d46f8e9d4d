package vn.tuquan.movement;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitKind;

/** The catalogue of model types: read by everyone in the movement, changed by a provincial administrator. */
@Service
public class ModelTypes {

    static final int MAX_CODE = 60;

    private final JdbcClient jdbc;
    private final MovementUnits units;
    private final ApplicationEventPublisher events;

    ModelTypes(JdbcClient jdbc, MovementUnits units, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
    }

    public List<ModelType> all() {
        return jdbc.sql(ALL).query(ModelTypes::row).list();
    }

    /** The same types, every one of them, handed over one at a time from a cursor (an export). */
    @Transactional(readOnly = true)
    public void each(Consumer<ModelType> each) {
        jdbc.sql(ALL).withFetchSize(SheetExports.FETCH_SIZE).query(rs -> {
            each.accept(row(rs, 0));
        });
    }

    private static final String ALL = "SELECT * FROM model_type ORDER BY name_vi COLLATE natural_vi";

    public Optional<ModelType> find(String code) {
        return jdbc.sql("SELECT * FROM model_type WHERE code = :code")
                .param("code", code)
                .query(ModelTypes::row)
                .optional();
    }

    /**
     * Adds or changes a model type. Only a provincial administrator may: movement write and user
     * management permissions, capturing at least a whole province.
     */
    @Transactional
    public ModelType save(Caller caller, ModelType type) {
        requireProvincialAdministrator(caller);
        if (type.code() == null || !type.code().matches("[A-Z][A-Z0-9_]*")) {
            throw new MovementRefusedException("code", "movement.error.code");
        }
        Models.bounded("code", type.code(), MAX_CODE);
        if (blank(type.nameVi()) || blank(type.nameEn())) {
            throw new MovementRefusedException("nameVi", "movement.error.required");
        }
        Models.bounded("nameVi", type.nameVi(), Models.MAX_NAME);
        Models.bounded("nameEn", type.nameEn(), Models.MAX_NAME);
        if (type.unitKinds().isEmpty()) {
            throw new MovementRefusedException("unitKinds", "movement.error.unitKinds");
        }
        if (!type.selfManage() && !type.selfPrevent() && !type.selfProtect()) {
            throw new MovementRefusedException("pledges", "movement.error.pledges");
        }
        boolean created = find(type.code()).isEmpty();
        jdbc.sql("""
                INSERT INTO model_type (code, name_vi, name_en, unit_kinds, self_manage, self_prevent, self_protect, active)
                VALUES (:code, :vi, :en, CAST(:kinds AS text[]), :manage, :prevent, :protect, :active)
                ON CONFLICT (code) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en,
                    unit_kinds = EXCLUDED.unit_kinds, self_manage = EXCLUDED.self_manage,
                    self_prevent = EXCLUDED.self_prevent, self_protect = EXCLUDED.self_protect, active = EXCLUDED.active
                """)
                .param("code", type.code())
                .param("vi", type.nameVi().strip())
                .param("en", type.nameEn().strip())
                .param(
                        "kinds",
                        "{"
                                + String.join(
                                        ",",
                                        type.unitKinds().stream()
                                                .map(Enum::name)
                                                .sorted()
                                                .toList()) + "}")
                .param("manage", type.selfManage())
                .param("prevent", type.selfPrevent())
                .param("protect", type.selfProtect())
                .param("active", type.active())
                .update();
        ModelType saved = find(type.code()).orElseThrow();
        events.publishEvent(new MovementRecorded("model-type", saved.code(), null, created, saved));
        return saved;
    }

    /** Whether the caller may change the catalogue (the pages show the form only then). */
    public boolean editable(Caller caller) {
        return caller.can(Permission.MOVEMENT_WRITE)
                && caller.can(Permission.USERS_MANAGE)
                && (caller.capture().wholeCountry()
                        || caller.capture().unitIds().stream().anyMatch(id -> units.isProvince(id)));
    }

    private void requireProvincialAdministrator(Caller caller) {
        if (!editable(caller)) {
            throw new AccessRefusedException("model types are changed by a provincial administrator");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static ModelType row(ResultSet rs, int n) throws SQLException {
        return new ModelType(
                rs.getString("code"),
                rs.getString("name_vi"),
                rs.getString("name_en"),
                kinds(rs.getArray("unit_kinds")),
                rs.getBoolean("self_manage"),
                rs.getBoolean("self_prevent"),
                rs.getBoolean("self_protect"),
                rs.getBoolean("active"));
    }

    static Set<UnitKind> kinds(Array array) throws SQLException {
        Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
        for (Object o : (Object[]) array.getArray()) {
            kinds.add(UnitKind.valueOf((String) o));
        }
        return kinds;
    }
}
