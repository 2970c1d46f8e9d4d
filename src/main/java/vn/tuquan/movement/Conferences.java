package vn.tuquan.movement;

import static vn.tuquan.shared.Texts.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import vn.tuquan.shared.Period;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.UploadedFiles;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;

/**
 * Interim and final reviews with their attachments. Attachments are kept in the database (table
 * {@code conference_attachment}, bytea): at most {@link #MAX_ATTACHMENT_BYTES} bytes, of the types in
 * {@link #CONTENT_TYPES}, and the content must look like the declared type.
 */
@Service
public class Conferences {

    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
    /** A review's topic. */
    static final int MAX_TOPIC = 300;
    /** The minutes typed in (the signed minutes are an attachment). */
    static final int MAX_MINUTES = 20_000;

    public static final Set<String> CONTENT_TYPES = UploadedFiles.CONTENT_TYPES;

    private final JdbcClient jdbc;
    private final MovementUnits units;
    private final ApplicationEventPublisher events;

    Conferences(JdbcClient jdbc, MovementUnits units, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
    }

    @Transactional
    public Conference record(Caller caller, long unitId, Conference.Form form) {
        UnitView unit = units.writable(caller, unitId);
        check(form);
        long id = jdbc.sql("""
                INSERT INTO conference (unit_id, unit_kind, unit_level, kind, topic, held_on, period_from, period_to,
                                        attendance, minutes, campaigns)
                VALUES (:unit, :unitKind, :level, :kind, :topic, :held, :from, :to, :attendance, :minutes,
                        CAST(:campaigns AS text[]))
                RETURNING id
                """)
                .param("unit", unit.id())
                .param("unitKind", unit.kind().name())
                .param("level", unit.level())
                .param("kind", form.kind().name())
                .param("topic", form.topic().strip())
                .param("held", form.heldOn())
                .param("from", form.periodFrom())
                .param("to", form.periodTo())
                .param("attendance", form.attendance())
                .param("minutes", blankToNull(form.minutes()))
                .param("campaigns", Models.textArray(form.campaigns()))
                .query(Long.class)
                .single();
        Conference conference = find(id).orElseThrow();
        events.publishEvent(new MovementRecorded("conference", Long.toString(id), unit.id(), true, conference));
        return conference;
    }

    /**
     * Corrects a review held by the unit, with the rules of {@link #record}. The organising unit's
     * kind and level stay as they were when it was recorded.
     */
    @Transactional
    public Conference edit(Caller caller, long unitId, long conferenceId, Conference.Form form) {
        UnitView unit = units.writable(caller, unitId);
        Conference before = own(unit, conferenceId);
        check(form);
        jdbc.sql("""
                UPDATE conference SET kind = :kind, topic = :topic, held_on = :held, period_from = :from, period_to = :to,
                       attendance = :attendance, minutes = :minutes, campaigns = CAST(:campaigns AS text[])
                WHERE id = :id
                """)
                .param("kind", form.kind().name())
                .param("topic", form.topic().strip())
                .param("held", form.heldOn())
                .param("from", form.periodFrom())
                .param("to", form.periodTo())
                .param("attendance", form.attendance())
                .param("minutes", blankToNull(form.minutes()))
                .param("campaigns", Models.textArray(form.campaigns()))
                .param("id", conferenceId)
                .update();
        Conference after = find(conferenceId).orElseThrow();
        events.publishEvent(
                MovementRecorded.changed("conference", Long.toString(conferenceId), unit.id(), before, after));
        return after;
    }

    /** Removes a review recorded by mistake, with its attachments (the audit entry names them); answers what it was. */
    @Transactional
    public Conference remove(Caller caller, long unitId, long conferenceId) {
        UnitView unit = units.writable(caller, unitId);
        Conference before = own(unit, conferenceId);
        List<Conference.Attachment> files = attachments(caller.view(), unit.id(), conferenceId);
        jdbc.sql("DELETE FROM conference WHERE id = :id")
                .param("id", conferenceId)
                .update();
        events.publishEvent(MovementRecorded.removed(
                "conference",
                Long.toString(conferenceId),
                unit.id(),
                Map.of("conference", before, "attachments", files)));
        return before;
    }

    /** Removes an attachment of a review held by the unit; answers its description. */
    @Transactional
    public Conference.Attachment removeAttachment(Caller caller, long unitId, long attachmentId) {
        UnitView unit = units.writable(caller, unitId);
        Conference.Attachment before = attachment(caller.capture(), unit.id(), attachmentId)
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new UnknownMovementRecordException("attachment", attachmentId));
        jdbc.sql("DELETE FROM conference_attachment WHERE id = :id")
                .param("id", attachmentId)
                .update();
        events.publishEvent(
                MovementRecorded.removed("conference-attachment", Long.toString(attachmentId), unit.id(), before));
        return before;
    }

    private static void check(Conference.Form form) {
        if (form.kind() == null) {
            throw new MovementRefusedException("kind", "movement.error.required");
        }
        if (form.topic() == null || form.topic().isBlank()) {
            throw new MovementRefusedException("topic", "movement.error.required");
        }
        Models.bounded("topic", form.topic(), MAX_TOPIC);
        Models.bounded("minutes", form.minutes(), MAX_MINUTES);
        Models.boundedCampaigns(form.campaigns());
        if (form.heldOn() == null) {
            throw new MovementRefusedException("heldOn", "movement.error.required");
        }
        if (form.periodFrom() == null || form.periodTo() == null) {
            throw new MovementRefusedException("periodFrom", "movement.error.required");
        }
        if (form.periodFrom().isAfter(form.periodTo())) {
            throw new MovementRefusedException("periodTo", "movement.error.endBeforeStart");
        }
        if (form.periodTo().isAfter(form.heldOn())) {
            throw new MovementRefusedException("heldOn", "movement.error.heldBeforePeriodEnd");
        }
        if (form.attendance() != null && form.attendance() < 0) {
            throw new MovementRefusedException("attendance", "movement.error.negative");
        }
    }

    private Conference own(UnitView unit, long conferenceId) {
        return find(conferenceId)
                .filter(c -> c.unitId() == unit.id())
                .orElseThrow(() -> new UnknownMovementRecordException("conference", conferenceId));
    }

    /** Adds an attachment, refused when too large, of another type, or not what its type says. */
    @Transactional
    public Conference.Attachment attach(
            Caller caller, long unitId, long conferenceId, String fileName, String contentType, byte[] content) {
        UnitView unit = units.writable(caller, unitId);
        Conference conference = own(unit, conferenceId);
        if (content == null || content.length == 0) {
            throw new MovementRefusedException("file", "movement.error.fileEmpty");
        }
        if (content.length > MAX_ATTACHMENT_BYTES) {
            throw new MovementRefusedException("file", "movement.error.fileTooLarge");
        }
        String type = UploadedFiles.type(contentType);
        if (!UploadedFiles.accepted(type, content)) {
            throw new MovementRefusedException("file", "movement.error.fileType");
        }
        String name = UploadedFiles.safeName(fileName, "tep");
        long id = jdbc.sql("""
                INSERT INTO conference_attachment (conference_id, file_name, content_type, size, content)
                VALUES (:conference, :name, :type, :size, :content) RETURNING id
                """)
                .param("conference", conference.id())
                .param("name", name)
                .param("type", type)
                .param("size", content.length)
                .param("content", content)
                .query(Long.class)
                .single();
        var attachment = new Conference.Attachment(id, conference.id(), name, type, content.length);
        events.publishEvent(
                new MovementRecorded("conference-attachment", Long.toString(id), unit.id(), true, attachment));
        return attachment;
    }

    public List<Conference.Attachment> attachments(Scope scope, long unitId, long conferenceId) {
        units.visible(scope, unitId);
        return jdbc.sql("""
                SELECT a.id, a.conference_id, a.file_name, a.content_type, a.size FROM conference_attachment a
                JOIN conference c ON c.id = a.conference_id WHERE c.id = :conference AND c.unit_id = :unit ORDER BY a.id
                """)
                .param("conference", conferenceId)
                .param("unit", unitId)
                .query((rs, n) -> new Conference.Attachment(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    /** An attachment's description and content, when it belongs to a conference of the unit. */
    public Optional<Map.Entry<Conference.Attachment, byte[]>> attachment(Scope scope, long unitId, long attachmentId) {
        units.visible(scope, unitId);
        return jdbc.sql("""
                SELECT a.id, a.conference_id, a.file_name, a.content_type, a.size, a.content FROM conference_attachment a
                JOIN conference c ON c.id = a.conference_id WHERE a.id = :id AND c.unit_id = :unit
                """)
                .param("id", attachmentId)
                .param("unit", unitId)
                .query((rs, n) -> Map.entry(
                        new Conference.Attachment(
                                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                        rs.getBytes(6)))
                .optional();
    }

    /** The conferences held by the unit or any unit under it, newest first. */
    public List<Conference> under(Scope scope, long unitId) {
        return underQuery(scope, unitId).query(Conferences::row).list();
    }

    /** The same conferences, every one of them, handed over one at a time from a cursor (an export). */
    @Transactional(readOnly = true)
    public void eachUnder(Scope scope, long unitId, Consumer<Conference> each) {
        underQuery(scope, unitId).withFetchSize(SheetExports.FETCH_SIZE).query(rs -> {
            each.accept(row(rs, 0));
        });
    }

    private JdbcClient.StatementSpec underQuery(Scope scope, long unitId) {
        List<Long> ids = units.subtreeIds(scope, unitId);
        return jdbc.sql(
                        "SELECT * FROM conference WHERE unit_id = ANY(CAST(:ids AS bigint[])) ORDER BY held_on DESC, id")
                .param("ids", ids.toArray(Long[]::new));
    }

    /**
     * Which units under the unit held a final review of a period (one that covers it), grouped as
     * communes, districts and organisations (agencies, enterprises, schools …) — F7.
     */
    public Map<String, List<Conference.Holder>> finalReviews(Scope scope, long unitId, LocalDate from, LocalDate to) {
        return grouped(
                scope,
                jdbc.sql("""
                SELECT * FROM conference WHERE kind = 'FINAL' AND unit_id = ANY(CAST(:ids AS bigint[]))
                  AND period_from <= :from AND period_to >= :to ORDER BY held_on, id
                """)
                        .param("ids", units.subtreeIds(scope, unitId).toArray(Long[]::new))
                        .param("from", from)
                        .param("to", to)
                        .query(Conferences::row)
                        .list());
    }

    /**
     * Which units under the unit held a final review during an evaluation period (held on one of its
     * days, both ends included), grouped as {@link #finalReviews(Scope, long, LocalDate, LocalDate)}:
     * the year's reviews, as a unit's yearly summary shows them.
     */
    public Map<String, List<Conference.Holder>> finalReviewsHeldIn(Scope scope, long unitId, Period period) {
        return grouped(
                scope,
                jdbc.sql("""
                SELECT * FROM conference WHERE kind = 'FINAL' AND unit_id = ANY(CAST(:ids AS bigint[]))
                  AND held_on BETWEEN :from AND :to ORDER BY held_on, id
                """)
                        .param("ids", units.subtreeIds(scope, unitId).toArray(Long[]::new))
                        .param("from", period.from())
                        .param("to", period.to())
                        .query(Conferences::row)
                        .list());
    }

    private Map<String, List<Conference.Holder>> grouped(Scope scope, List<Conference> held) {
        Map<String, List<Conference.Holder>> groups = new LinkedHashMap<>();
        for (String group : List.of("PROVINCE", "DISTRICT", "COMMUNE", "ORGANISATION", "RESIDENTIAL_AREA")) {
            groups.put(group, new ArrayList<>());
        }
        Set<Long> seen = new HashSet<>();
        for (Conference c : held) {
            if (!seen.add(c.unitId())) {
                continue;
            }
            UnitKind kind = UnitKind.valueOf(c.unitKind());
            String group = kind.official() || kind == UnitKind.RESIDENTIAL_AREA ? kind.name() : "ORGANISATION";
            groups.get(group)
                    .add(new Conference.Holder(
                            group, c.unitId(), units.name(scope, c.unitId()), c.unitKind(), c.id(), c.heldOn()));
        }
        return groups;
    }

    Optional<Conference> find(long id) {
        return jdbc.sql("SELECT * FROM conference WHERE id = :id")
                .param("id", id)
                .query(Conferences::row)
                .optional();
    }

    static Conference row(ResultSet rs, int n) throws SQLException {
        return new Conference(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getString("unit_kind"),
                rs.getInt("unit_level"),
                Conference.Kind.valueOf(rs.getString("kind")),
                rs.getString("topic"),
                rs.getObject("held_on", LocalDate.class),
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                (Integer) rs.getObject("attendance"),
                rs.getString("minutes"),
                Models.strings(rs.getArray("campaigns")));
    }
}
