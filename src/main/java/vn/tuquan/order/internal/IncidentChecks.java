package vn.tuquan.order.internal;

import static vn.tuquan.shared.Texts.blankToNull;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.tuquan.order.IncidentCategory;
import vn.tuquan.order.IncidentForm;
import vn.tuquan.order.IncidentKind;
import vn.tuquan.order.IncidentRefusedException;
import vn.tuquan.order.IncidentSource;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Checks an incident form before anything is stored, as a page, the API, the ingest and a file
 * record one: the unit (in the caller's capture scope, not a province or a district), the category
 * (in the catalogue), the severity its kind allows, the times, the source, the place and the summary.
 */
@Component
public class IncidentChecks {

    /** How far ahead of the server's clock an occurrence may lie (a phone's clock runs a little fast). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static final int MAX_SUMMARY = 4000;
    private static final Set<UnitKind> NOT_RECORDED_ON = Set.of(UnitKind.PROVINCE, UnitKind.DISTRICT);

    private final Units units;
    private final IncidentStore store;

    IncidentChecks(Units units, IncidentStore store) {
        this.units = units;
        this.store = store;
    }

    /** Whether incidents are recorded on units of a kind (not on provinces and districts). */
    public static boolean recordedOn(UnitKind kind) {
        return !NOT_RECORDED_ON.contains(kind);
    }

    /**
     * Checks a form against the catalogue and the caller's capture scope; refused with the field it
     * is about, or with {@link AccessRefusedException} when the unit lies outside the capture scope.
     */
    public CheckedIncident check(Caller caller, IncidentForm form, OffsetDateTime now) {
        return check(caller, form, now, null);
    }

    /** The same, looking units up once per batch in {@code seen} (when not null). */
    public CheckedIncident check(Caller caller, IncidentForm form, OffsetDateTime now, Map<Long, UnitView> seen) {
        caller.require(Permission.ORDER_WRITE);
        if (form == null || form.unitId() == null) {
            throw new IncidentRefusedException("unitId", "order.incident.refused.unitMissing");
        }
        UnitView cached = seen == null ? null : seen.get(form.unitId());
        UnitView unit = cached != null
                ? cached
                : units.latest(caller.capture(), form.unitId())
                        .orElseThrow(() -> new IncidentRefusedException(
                                "unitId", "order.incident.refused.unitUnknown", form.unitId()));
        if (seen != null) {
            seen.put(unit.id(), unit);
        }
        if (!recordedOn(unit.kind())) {
            throw new IncidentRefusedException("unitId", "order.incident.refused.unitKind", unit.name());
        }
        String code = form.categoryCode() == null ? null : form.categoryCode().strip();
        IncidentCategory category = Optional.ofNullable(
                        code == null ? null : store.catalogue().get(code))
                .orElseThrow(
                        () -> form.categoryCode() == null || form.categoryCode().isBlank()
                                ? new IncidentRefusedException("categoryCode", "order.incident.refused.categoryMissing")
                                : new IncidentRefusedException(
                                        "categoryCode", "order.incident.refused.categoryUnknown", form.categoryCode()));
        String severity = blankToNull(form.severity());
        severity = severity == null ? null : severity.toUpperCase(Locale.ROOT);
        IncidentKind kind = category.kind();
        if (severity == null && kind.severityRequired()) {
            throw new IncidentRefusedException(
                    "severity", "order.incident.refused.severityRequired", category.nameVi());
        }
        if (severity != null && !kind.severities().contains(severity)) {
            throw new IncidentRefusedException(
                    "severity",
                    kind.severities().isEmpty()
                            ? "order.incident.refused.severityNone"
                            : "order.incident.refused.severityNotAllowed",
                    severity,
                    category.nameVi());
        }
        if (form.occurredAt() == null) {
            throw new IncidentRefusedException("occurredAt", "order.incident.refused.occurredMissing");
        }
        if (form.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new IncidentRefusedException("occurredAt", "order.incident.refused.occurredFuture");
        }
        OffsetDateTime reported = form.reportedAt() == null ? later(form.occurredAt(), now) : form.reportedAt();
        if (reported.isBefore(form.occurredAt())) {
            throw new IncidentRefusedException("reportedAt", "order.incident.refused.reportedBefore");
        }
        if (reported.isAfter(now.plus(CLOCK_SKEW))) {
            throw new IncidentRefusedException("reportedAt", "order.incident.refused.reportedFuture");
        }
        IncidentSource source = source(form.source());
        if ((form.latitude() == null) != (form.longitude() == null)) {
            throw new IncidentRefusedException(
                    form.latitude() == null ? "latitude" : "longitude", "order.incident.refused.coordinatesPair");
        }
        if (form.latitude() != null
                && (Math.abs(form.latitude()) > 90
                        || Math.abs(form.longitude()) > 180
                        || form.latitude().isNaN()
                        || form.longitude().isNaN())) {
            throw new IncidentRefusedException("latitude", "order.incident.refused.coordinates");
        }
        String summary = blankToNull(form.summary());
        if (TextLimits.tooLong(summary, MAX_SUMMARY)) {
            throw new IncidentRefusedException(
                    "summary", "order.incident.refused.summaryTooLong", MAX_SUMMARY, TextLimits.length(summary));
        }
        Boolean subjective = kind.hasSubjectiveCause() ? form.subjectiveCause() : null;
        return new CheckedIncident(
                unit.id(),
                category,
                severity,
                subjective,
                form.occurredAt(),
                reported,
                source,
                form.latitude(),
                form.longitude(),
                summary);
    }

    private static OffsetDateTime later(OffsetDateTime occurred, OffsetDateTime now) {
        return now.isBefore(occurred) ? occurred : now;
    }

    private static IncidentSource source(String source) {
        if (source == null || source.isBlank()) {
            throw new IncidentRefusedException("source", "order.incident.refused.sourceMissing");
        }
        try {
            return IncidentSource.valueOf(source.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IncidentRefusedException("source", "order.incident.refused.sourceUnknown", source);
        }
    }
}
