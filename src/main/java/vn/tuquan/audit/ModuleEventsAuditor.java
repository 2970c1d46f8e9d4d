package vn.tuquan.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.tuquan.access.AccessGranted;
import vn.tuquan.access.AccessRefused;
import vn.tuquan.access.AccountChanged;
import vn.tuquan.access.SignInRecorded;
import vn.tuquan.evaluation.ClassificationRecorded;
import vn.tuquan.evaluation.EvaluationEntryRecorded;
import vn.tuquan.evaluation.EvaluationRunCompleted;
import vn.tuquan.evaluation.EvaluationStepTaken;
import vn.tuquan.evaluation.RulebookCriterionConfirmed;
import vn.tuquan.evaluation.RulebookVersionAdopted;
import vn.tuquan.households.CommitmentChanged;
import vn.tuquan.households.CommitmentWithdrawn;
import vn.tuquan.households.CommitmentsRecorded;
import vn.tuquan.households.HouseholdAdded;
import vn.tuquan.households.HouseholdEdited;
import vn.tuquan.households.HouseholdMoved;
import vn.tuquan.households.HouseholdsImported;
import vn.tuquan.households.OrganisationCommitments;
import vn.tuquan.movement.MovementRecorded;
import vn.tuquan.movement.TitleAwardRemoved;
import vn.tuquan.order.CampaignRecorded;
import vn.tuquan.order.HotspotRecorded;
import vn.tuquan.order.IncidentRecorded;
import vn.tuquan.order.IncidentStatusChanged;
import vn.tuquan.order.IncidentWithdrawn;
import vn.tuquan.order.IncidentsImported;
import vn.tuquan.order.IncidentsRecorded;
import vn.tuquan.order.PersonRecorded;
import vn.tuquan.order.PersonRecordsRead;
import vn.tuquan.shared.DataKeyRotated;
import vn.tuquan.units.LocalUnitClosed;
import vn.tuquan.units.LocalUnitCreated;
import vn.tuquan.units.LocalUnitEdited;
import vn.tuquan.units.LocalUnitMoved;
import vn.tuquan.units.LocalUnitsImported;
import vn.tuquan.units.OfficialListImported;
import vn.tuquan.units.UnitBoundariesImported;

/**
 * Turns the modules' events into audit entries. The listeners are synchronous
 * ({@code @EventListener}, not Modulith's after-commit listener): the entry is written in the
 * publishing transaction, and a failure to write it fails the write.
 */
@Component
class ModuleEventsAuditor {

    private static final String UNITS = "units";
    private static final String HOUSEHOLDS = "households";
    private static final String ACCESS = "access";

    private final AuditLog log;
    private final RefusalsAuditor refusals;

    ModuleEventsAuditor(AuditLog log, RefusalsAuditor refusals) {
        this.log = log;
        this.refusals = refusals;
    }

    @EventListener
    void on(MovementRecorded e) {
        AuditAction action = switch (e.change()) {
            case CREATED -> AuditAction.CREATED;
            case UPDATED -> AuditAction.UPDATED;
            case DELETED -> AuditAction.DELETED;
        };
        log.record(new AuditEntry(action, "movement", e.entityType(), e.entityId(), e.unitId(), e.before(), e.after()));
    }

    @EventListener
    void on(TitleAwardRemoved e) {
        log.record(new AuditEntry(
                AuditAction.DELETED,
                "movement",
                "title-award",
                Long.toString(e.award().id()),
                e.award().unitId(),
                e.award(),
                null));
    }

    @EventListener
    void on(LocalUnitCreated e) {
        log.record(new AuditEntry(
                AuditAction.CREATED,
                UNITS,
                "local-unit",
                Long.toString(e.unit().id()),
                e.unit().id(),
                null,
                e.unit()));
    }

    @EventListener
    void on(LocalUnitEdited e) {
        log.record(new AuditEntry(
                AuditAction.UPDATED,
                UNITS,
                "local-unit",
                Long.toString(e.after().id()),
                e.after().id(),
                e.before(),
                e.after()));
        log.replace(e.after().validFrom(), e.before().path());
    }

    @EventListener
    void on(LocalUnitMoved e) {
        log.record(new AuditEntry(
                AuditAction.MOVED,
                UNITS,
                "local-unit",
                Long.toString(e.after().id()),
                e.after().id(),
                e.before(),
                e.after()));
        log.replace(e.after().validFrom(), e.before().path());
    }

    @EventListener
    void on(LocalUnitClosed e) {
        log.record(new AuditEntry(
                AuditAction.CLOSED,
                UNITS,
                "local-unit",
                Long.toString(e.before().id()),
                e.before().id(),
                e.before(),
                Map.of("validTo", e.on())));
        log.replace(e.on(), e.before().path());
    }

    @EventListener
    void on(HouseholdAdded e) {
        log.record(new AuditEntry(
                AuditAction.CREATED, HOUSEHOLDS, "household", Long.toString(e.householdId()), e.areaId(), null, e));
    }

    @EventListener
    void on(HouseholdEdited e) {
        log.record(new AuditEntry(
                AuditAction.UPDATED,
                HOUSEHOLDS,
                "household",
                Long.toString(e.householdId()),
                e.areaId(),
                e.before(),
                e.after()));
    }

    @EventListener
    void on(HouseholdMoved e) {
        log.record(new AuditEntry(
                AuditAction.MOVED,
                HOUSEHOLDS,
                "household",
                Long.toString(e.householdId()),
                e.toAreaId(),
                Map.of("areaId", e.fromAreaId()),
                e));
    }

    @EventListener
    void on(HouseholdsImported e) {
        // what the entry held before the event named its areas: the unit, the file, the rows, the day
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("withinUnitId", e.withinUnitId());
        after.put("fileName", e.fileName());
        after.put("rows", e.rows());
        after.put("from", e.from());
        log.record(new AuditEntry(AuditAction.IMPORTED, HOUSEHOLDS, "household", null, e.withinUnitId(), null, after));
    }

    @EventListener
    void on(CommitmentsRecorded e) {
        // what the entry held before the event named its households: the area, the period, the count
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("areaId", e.areaId());
        after.put("periodYear", e.periodYear());
        after.put("count", e.count());
        log.record(new AuditEntry(AuditAction.CREATED, HOUSEHOLDS, "commitment", null, e.areaId(), null, after));
    }

    @EventListener
    void on(CommitmentChanged e) {
        log.record(new AuditEntry(
                AuditAction.UPDATED,
                HOUSEHOLDS,
                "commitment",
                e.householdId() + "/" + e.periodYear(),
                e.areaId(),
                e.before(),
                e.after()));
    }

    @EventListener
    void on(CommitmentWithdrawn e) {
        log.record(new AuditEntry(
                AuditAction.DELETED,
                HOUSEHOLDS,
                "commitment",
                e.householdId() + "/" + e.periodYear(),
                e.areaId(),
                e.removed(),
                null));
    }

    @EventListener
    void on(OrganisationCommitments.OrganisationCommitmentRecorded e) {
        log.record(new AuditEntry(
                AuditAction.UPDATED,
                HOUSEHOLDS,
                "organisation-commitment",
                e.commitment().unitId() + "/" + e.commitment().year(),
                e.commitment().unitId(),
                null,
                e.commitment()));
    }

    @EventListener
    void on(SignInRecorded e) {
        if (e.check() != SignInRecorded.Check.SIGN_IN) {
            // a wrong current password or code on a form of "my account": counted like a failed sign-in
            AuditAction action = e.outcome() == SignInRecorded.Outcome.LOCKED_OUT
                    ? AuditAction.LOCKED_OUT
                    : AuditAction.VERIFICATION_FAILED;
            log.recordFor(
                    e.username(),
                    new AuditEntry(
                            action,
                            ACCESS,
                            "user",
                            e.username(),
                            null,
                            null,
                            Map.of("check", e.check().name())));
            return;
        }
        AuditAction action = switch (e.outcome()) {
            case SIGNED_IN -> AuditAction.SIGNED_IN;
            case FAILED -> AuditAction.SIGN_IN_FAILED;
            case LOCKED_OUT -> AuditAction.LOCKED_OUT;
        };
        log.recordFor(e.username(), new AuditEntry(action, ACCESS, "user", e.username(), null, null, null));
    }

    /**
     * A change of an account or of its sessions, by its person or an administrator (the system on the
     * command line): the actor is whoever is signed in; the account is the entry's record.
     */
    @EventListener
    void on(AccountChanged e) {
        AuditAction action = switch (e.change()) {
            case CREATED -> AuditAction.CREATED;
            case PASSWORD_CHANGED -> AuditAction.PASSWORD_CHANGED;
            case DISABLED -> AuditAction.DISABLED;
            case UNLOCKED -> AuditAction.UNLOCKED;
            case SECOND_FACTOR_ENROLLED -> AuditAction.SECOND_FACTOR_ENROLLED;
            case SECOND_FACTOR_REMOVED -> AuditAction.SECOND_FACTOR_REMOVED;
            case SECOND_FACTOR_REQUIRED -> AuditAction.SECOND_FACTOR_REQUIRED;
            case TOKEN_CREATED -> AuditAction.TOKEN_CREATED;
            case TOKEN_REVOKED -> AuditAction.TOKEN_REVOKED;
            case SIGNED_OUT -> AuditAction.SIGNED_OUT;
            case SIGNED_OUT_EVERYWHERE -> AuditAction.SIGNED_OUT_EVERYWHERE;
        };
        boolean token =
                e.change() == AccountChanged.Change.TOKEN_CREATED || e.change() == AccountChanged.Change.TOKEN_REVOKED;
        Map<String, Object> after = new LinkedHashMap<>();
        if (token) {
            after.put("user", e.username());
        }
        after.putAll(e.detail());
        log.record(new AuditEntry(
                action,
                ACCESS,
                token ? "access-token" : "user",
                token ? String.valueOf(e.detail().get("tokenId")) : e.username(),
                null,
                null,
                after.isEmpty() ? null : after));
    }

    /** A 403 answered to a signed-in person: recorded up to a limit per person, the rest counted (see {@link RefusalsAuditor}). */
    @EventListener
    void on(AccessRefused e) {
        refusals.refused(e);
    }

    @EventListener
    void on(AccessGranted e) {
        log.record(new AuditEntry(
                AuditAction.GRANTED,
                "access",
                "user",
                Long.toString(e.userId()),
                null,
                null,
                Map.of("granter", e.granter(), "roles", e.roles(), "capture", e.capture(), "view", e.view())));
    }

    @EventListener
    void on(LocalUnitsImported e) {
        Long parent = e.parentIds().size() == 1 ? e.parentIds().get(0) : null;
        log.record(new AuditEntry(AuditAction.IMPORTED, UNITS, "local-unit", null, parent, null, e));
    }

    @EventListener
    void on(OfficialListImported e) {
        log.record(new AuditEntry(
                AuditAction.IMPORTED, UNITS, "official-list", e.summary().files(), null, null, e));
        log.replace(e.summary().asOf(), null); // a list dated in the past moves where units were since then
    }

    @EventListener
    void on(UnitBoundariesImported e) {
        log.record(new AuditEntry(
                AuditAction.IMPORTED, UNITS, "unit-boundaries", e.summary().files(), null, null, e));
    }

    @EventListener
    void on(DataKeyRotated e) {
        log.record(new AuditEntry(AuditAction.KEYS_ROTATED, "shared", "data-key", e.keyId(), null, null, e));
    }

    @EventListener
    void on(SensitiveRead e) {
        log.recordSeparately(new AuditEntry(
                AuditAction.READ_SENSITIVE,
                e.module(),
                e.entityType(),
                e.entityId(),
                e.unitId(),
                null,
                Map.of("fields", e.fields())));
    }

    /** The persons' registers (order): ids and non-personal fields only, with the names of the personal fields written. */
    @EventListener
    void on(PersonRecorded e) {
        AuditAction action = switch (e.change()) {
            case CREATED -> e.entityId() == null ? AuditAction.IMPORTED : AuditAction.CREATED;
            case UPDATED -> AuditAction.UPDATED;
            case DELETED -> AuditAction.DELETED;
        };
        Object after = e.after() == null ? null : Map.of("record", e.after(), "personalFields", e.fields());
        log.record(new AuditEntry(action, "order", e.entityType(), e.entityId(), e.unitId(), e.before(), after));
    }

    /** A read of sensitive records of the order registers: one entry naming the records and the fields read. */
    @EventListener
    void on(PersonRecordsRead e) {
        String id = e.ids().size() == 1 ? Long.toString(e.ids().get(0)) : null;
        log.recordSeparately(new AuditEntry(
                AuditAction.READ_SENSITIVE,
                "order",
                e.entityType(),
                id,
                e.unitId(),
                null,
                Map.of("fields", e.fields(), "ids", e.ids())));
    }

    // evaluation: the process from registration to the recognition decision

    /** A step of an evaluation's process: the status before and after, the reasons and what the step recorded. */
    @EventListener
    void on(EvaluationStepTaken e) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", e.to());
        after.put("year", e.year());
        if (e.reason() != null) {
            after.put("reason", e.reason());
        }
        after.putAll(e.detail());
        log.record(new AuditEntry(
                e.from() == null ? AuditAction.CREATED : AuditAction.UPDATED,
                "evaluation",
                "evaluation",
                Long.toString(e.evaluationId()),
                e.unitId(),
                e.from() == null ? null : Map.of("status", e.from()),
                after));
    }

    /** A criterion's value entered with its evidence in a self-assessment. */
    @EventListener
    void on(EvaluationEntryRecorded e) {
        log.record(new AuditEntry(
                e.before() == null ? AuditAction.CREATED : AuditAction.UPDATED,
                "evaluation",
                "evaluation-entry",
                e.evaluationId() + "/" + e.criterion(),
                e.unitId(),
                e.before(),
                e.after()));
    }

    // evaluation: the bulk run

    @EventListener
    void on(EvaluationRunCompleted e) {
        log.record(new AuditEntry(
                AuditAction.UPDATED,
                "evaluation",
                "evaluation-run",
                e.unitId() + "/" + e.year(),
                e.unitId(),
                null,
                e.summary()));
    }

    // order: hotspots and campaigns

    @EventListener
    void on(HotspotRecorded e) {
        log.record(new AuditEntry(
                "designated".equals(e.what()) ? AuditAction.CREATED : AuditAction.UPDATED,
                "order",
                "hotspot",
                Long.toString(e.hotspotId()),
                e.unitId(),
                e.before(),
                e.after()));
    }

    @EventListener
    void on(ClassificationRecorded e) {
        log.record(new AuditEntry(
                e.before() == null ? AuditAction.CREATED : AuditAction.UPDATED,
                "evaluation",
                "computed".equals(e.what()) ? "classification" : "classification_entry",
                e.unitId() + "/" + e.year(),
                e.unitId(),
                e.before(),
                e.after()));
    }

    @EventListener
    void on(RulebookVersionAdopted e) {
        var after = new LinkedHashMap<String, Object>();
        after.put("code", e.code());
        after.put("version", e.version());
        after.put("basedOn", e.basedOn());
        after.put("effectiveFrom", e.effectiveFrom());
        after.put("adjustments", e.adjustments());
        after.put("additions", e.additions());
        log.record(new AuditEntry(
                AuditAction.CREATED,
                "evaluation",
                "rulebook",
                Long.toString(e.rulebookId()),
                e.provinceId(),
                null,
                after));
    }

    @EventListener
    void on(RulebookCriterionConfirmed e) {
        log.record(new AuditEntry(
                AuditAction.UPDATED,
                "evaluation",
                "rulebook-confirmation",
                e.rulebookId() + "/" + e.unitKind() + "/" + e.criterion(),
                e.provinceId(),
                null,
                e));
    }

    @EventListener
    void on(CampaignRecorded e) {
        log.record(new AuditEntry(
                e.created() ? AuditAction.CREATED : AuditAction.UPDATED,
                "order",
                "campaign",
                Long.toString(e.campaignId()),
                e.organisingUnitId(),
                e.before(),
                e.after()));
    }

    @EventListener
    void on(IncidentRecorded e) {
        log.record(new AuditEntry(
                AuditAction.CREATED,
                "order",
                "incident",
                Long.toString(e.incident().id()),
                e.incident().unitId(),
                null,
                e.incident()));
    }

    @EventListener
    void on(IncidentStatusChanged e) {
        log.record(new AuditEntry(
                AuditAction.UPDATED,
                "order",
                "incident",
                Long.toString(e.incidentId()),
                e.unitId(),
                Map.of("status", e.from()),
                e.note() == null ? Map.of("status", e.to()) : Map.of("status", e.to(), "note", e.note())));
    }

    @EventListener
    void on(IncidentWithdrawn e) {
        log.record(new AuditEntry(
                AuditAction.DELETED,
                "order",
                "incident",
                Long.toString(e.incident().id()),
                e.incident().unitId(),
                e.incident(),
                Map.of("withdrawn", true, "reason", e.reason())));
    }

    @EventListener
    void on(IncidentsImported e) {
        // the file, its count and its one unit, as before the event named every unit and day for the statistics
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fileName", e.fileName());
        after.put("incidents", e.incidents());
        after.put("unitId", e.unitId());
        log.record(new AuditEntry(AuditAction.IMPORTED, "order", "incident", null, e.unitId(), null, after));
    }

    @EventListener
    void on(IncidentsRecorded e) {
        var first = e.incidents().get(0);
        boolean one = e.incidents().size() == 1;
        boolean oneUnit = e.incidents().stream().allMatch(i -> i.unitId() == first.unitId());
        log.record(new AuditEntry(
                AuditAction.CREATED,
                "order",
                "incident",
                one ? Long.toString(first.id()) : null,
                oneUnit ? first.unitId() : null,
                null,
                one ? first : e.incidents()));
    }
}
