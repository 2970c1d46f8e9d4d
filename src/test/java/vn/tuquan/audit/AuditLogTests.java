package vn.tuquan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tuquan.TuquanTest;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.AdminUnitsData;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnitRefusedException;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/** The audit log on the real database: what the units module's writes leave in it, and the chain. */
@TuquanTest
@Tag("clock")
@TestPropertySource(properties = "tuquan.test.database=audit")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTests {

    static final LocalDate LIST_DATE = LocalDate.of(2022, 10, 1);

    @Autowired
    AuditLog log;

    @Autowired
    OfficialLists lists;

    @Autowired
    LocalUnits localUnits;

    @Autowired
    Units units;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    UnitView commune;

    @BeforeAll
    void importNamDinh() {
        lists.importFiles(
                Caller.SYSTEM,
                List.of(AdminUnitsData.file("pre2025/nam_dinh_36_2022-10.csv")),
                LIST_DATE,
                Optional.empty());
        commune = units.findByCode(Scope.WHOLE_COUNTRY, "13969", LIST_DATE).orElseThrow();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOfficialListImportIsOneEntryWithItsSummary() {
        List<AuditRecord> imports =
                log.search(Caller.SYSTEM, new AuditLog.Search(null, null, "units", null, null), 0).entries().stream()
                        .filter(e -> e.entityType().equals("official-list"))
                        .toList();
        assertThat(imports).hasSize(1);
        AuditRecord entry = imports.get(0);
        assertThat(entry.action()).isEqualTo("IMPORTED");
        assertThat(entry.entityId()).isEqualTo("nam_dinh_36_2022-10.csv");
        assertThat(entry.after()).contains("\"opened\": 237").contains("\"asOf\": \"2022-10-01\"");
        assertThat(entry.actorUsername()).as("no one signed in: the system").isNull();
    }

    @Test
    void eachWriteOfALocalUnitLeavesAnEntryWithWhoBeforeAndAfter() {
        long userId = accounts.createIfAbsent("kiem.toan", "Kiểm Toán", "mat-khau-kiem-toan-2026")
                .orElseThrow()
                .value();
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("kiem.toan", null, "ROLE_USER"));

        UnitView created = localUnits.create(
                Caller.SYSTEM,
                commune.id(),
                new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "THON", null, "Thôn Kiểm Toán", null),
                LocalDate.of(2023, 1, 1));
        localUnits.edit(
                Caller.SYSTEM,
                created.id(),
                new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "THON", null, "Thôn Kiểm Toán Mới", null),
                LocalDate.of(2023, 2, 1));
        UnitView other =
                units.findByCode(Scope.WHOLE_COUNTRY, "13972", LIST_DATE).orElseThrow();
        localUnits.move(Caller.SYSTEM, created.id(), other.id(), LocalDate.of(2023, 3, 1));
        localUnits.close(Caller.SYSTEM, created.id(), LocalDate.of(2023, 4, 1));

        List<AuditRecord> entries = log.search(
                        Caller.SYSTEM, new AuditLog.Search("kiem.toan", created.id(), null, null, null), 0)
                .entries();
        assertThat(entries).extracting(AuditRecord::action).containsExactly("CLOSED", "MOVED", "UPDATED", "CREATED");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actorUserId()).isEqualTo(userId);
            assertThat(e.module()).isEqualTo("units");
            assertThat(e.entityType()).isEqualTo("local-unit");
            assertThat(e.entityId()).isEqualTo(Long.toString(created.id()));
        });
        AuditRecord edit = entries.get(2);
        assertThat(edit.before()).contains("\"name\": \"Thôn Kiểm Toán\"");
        assertThat(edit.after()).contains("\"name\": \"Thôn Kiểm Toán Mới\"");
        assertThat(entries.get(1).after()).contains("\"parentId\": " + other.id());
        assertThat(entries.get(0).after()).isEqualTo("{\"validTo\": \"2023-04-01\"}");
        assertThat(entries.get(3).before()).isNull();
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void manyLocalUnitsCreatedAtOnceAreOneEntry() {
        long before = count();
        List<Long> ids = localUnits.createAll(
                Caller.SYSTEM,
                List.of(
                        Map.entry(
                                commune.id(),
                                new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "THON", null, "Thôn Một", null)),
                        Map.entry(
                                commune.id(),
                                new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "THON", null, "Thôn Hai", null)),
                        Map.entry(commune.id(), new LocalUnitForm(UnitKind.PAGODA, null, null, "Chùa Ba", null))),
                LocalDate.of(2023, 6, 1));
        assertThat(count()).isEqualTo(before + 1);
        AuditRecord entry = log.search(Caller.SYSTEM, new AuditLog.Search(null, commune.id(), "units", null, null), 0)
                .entries()
                .get(0);
        assertThat(entry.action()).isEqualTo("IMPORTED");
        assertThat(entry.after())
                .contains("\"unitIds\": " + ids.toString().replace(",", ", ").replace("  ", " "))
                .contains("\"from\": \"2023-06-01\"");
    }

    @Test
    void aWriteThatRollsBackLeavesNoEntry_andARefusedOneNeither() {
        long before = count();
        transactions.executeWithoutResult(status -> {
            localUnits.create(
                    Caller.SYSTEM,
                    commune.id(),
                    new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", null, "Xóm Rút Lại", null),
                    LocalDate.of(2023, 5, 1));
            assertThat(count()).as("inside the transaction the entry is there").isEqualTo(before + 1);
            status.setRollbackOnly();
        });
        assertThat(count()).isEqualTo(before);
        assertThatThrownBy(() -> localUnits.create(
                        Caller.SYSTEM,
                        commune.id(),
                        new LocalUnitForm(UnitKind.RESIDENTIAL_AREA, "XOM", null, " ", null),
                        LocalDate.of(2023, 5, 1)))
                .isInstanceOf(LocalUnitRefusedException.class);
        assertThat(count()).isEqualTo(before);
        assertThat(log.verify().intact())
                .as("the chain head rolled back with the entry")
                .isTrue();
    }

    @Test
    void aSensitiveReadIsRecordedEvenWhenTheReadingTransactionRollsBack() {
        transactions.executeWithoutResult(status -> {
            events.publishEvent(
                    new SensitiveRead("order", "drug-user", "42", commune.id(), List.of("fullName", "address")));
            status.setRollbackOnly();
        });
        AuditRecord read = log.search(Caller.SYSTEM, new AuditLog.Search(null, commune.id(), "order", null, null), 0)
                .entries()
                .get(0);
        assertThat(read.action()).isEqualTo("READ_SENSITIVE");
        assertThat(read.entityId()).isEqualTo("42");
        assertThat(read.after()).isEqualTo("{\"fields\": [\"fullName\", \"address\"]}");
    }

    @Test
    void aSensitiveReadAfterAnAuditedWriteInOneTransactionDoesNotWaitForItself() {
        long before = count();
        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> transactions.executeWithoutResult(status -> {
                    localUnits.create(
                            Caller.SYSTEM,
                            commune.id(),
                            new LocalUnitForm(UnitKind.SCHOOL, null, null, "Trường Đọc Ngay", null),
                            LocalDate.of(2023, 7, 1));
                    events.publishEvent(
                            new SensitiveRead("order", "drug-user", "43", commune.id(), List.of("fullName")));
                }));
        assertThat(count()).isEqualTo(before + 2);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void appendsFromManyThreadsAtOnceFormOneUnbrokenChain() throws Exception {
        long before = count();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> appends = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                int n = i;
                appends.add(() -> log.record(new AuditEntry(
                        AuditAction.UPDATED,
                        "test",
                        "probe",
                        Integer.toString(n),
                        null,
                        Map.of("n", n - 1),
                        Map.of("n", n))));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(appends)) {
                ids.add(f.get());
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(80);
        } finally {
            pool.shutdown();
        }
        assertThat(count()).isEqualTo(before + 80);
        ChainReport report = log.verify();
        assertThat(report.problems()).isEmpty();
        assertThat(report.entries()).isEqualTo(report.lastId()).isEqualTo(count());
    }

    @Test
    void searchFindsByTimeRangeAndPagesNewestFirst() {
        for (int i = 0; i < AuditLog.PAGE_SIZE + 5; i++) {
            log.record(new AuditEntry(AuditAction.CREATED, "paging", "probe", Integer.toString(i), null, null, null));
        }
        AuditLog.Search paging = new AuditLog.Search(
                null, null, "paging", Dates.today().minusDays(1), Dates.today().plusDays(1));
        AuditLog.Page first = log.search(Caller.SYSTEM, paging, 0);
        assertThat(first.entries()).hasSize(AuditLog.PAGE_SIZE);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.entries().get(0).entityId()).isEqualTo(Integer.toString(AuditLog.PAGE_SIZE + 4));
        AuditLog.Page second = log.search(Caller.SYSTEM, paging, 1);
        assertThat(second.entries()).hasSize(5);
        assertThat(second.hasNext()).isFalse();
        assertThat(second.entries().get(4).entityId()).isEqualTo("0");
        assertThat(log.search(
                                Caller.SYSTEM,
                                new AuditLog.Search(
                                        null, null, "paging", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)),
                                0)
                        .entries())
                .isEmpty();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
    }
}
