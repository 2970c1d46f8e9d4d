package vn.tuquan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import vn.tuquan.ScopeFixture;
import vn.tuquan.TuquanTest;
import vn.tuquan.WebSession;
import vn.tuquan.access.UserAccounts;
import vn.tuquan.demo.DemoLogins;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.OfficialLists;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.Units;

/**
 * The audit log read by provincial officers, scoped readers: Nam Định's ({@code canbo.tinh} of the
 * demo) and Thái Bình's. Each reads the entries about the units of their province only — through
 * the service and through {@code /audit} — however the entries of the two provinces are mixed and
 * however many of the other's come first; entries about no unit are for readers of the whole
 * country; asking for a unit of the other province is refused.
 */
@TuquanTest
@ActiveProfiles("demo")
@TestPropertySource(properties = ScopeFixture.DATABASE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditScopeTests {

    static final String MODULE = "scope-probe";
    static final int NAM_DINH = 60;
    /** Many more of Thái Bình's entries, all newer than Nam Định's: ten pages of someone else's first. */
    static final int THAI_BINH_AFTER = 10 * AuditLog.PAGE_SIZE + 20;

    static final String NAM_DINH_OFFICER = "canbo.tinh";

    @LocalServerPort
    int port;

    @Autowired
    AuditLog log;

    @Autowired
    Units units;

    @Autowired
    vn.tuquan.access.Callers callers;

    List<Long> namDinhUnits;
    List<Long> thaiBinhUnits;
    long thaiBinhArea;
    final Set<String> namDinhEntries = new LinkedHashSet<>();
    final Set<String> thaiBinhEntries = new LinkedHashSet<>();
    final Set<String> thaiBinhByNamDinhOfficer = new LinkedHashSet<>();

    @BeforeAll
    void entriesOfTwoProvinces(
            @Autowired OfficialLists lists, @Autowired LocalUnits localUnits, @Autowired UserAccounts accounts) {
        ScopeFixture.ensure(lists, units, localUnits, accounts);
        var haiMinh = ScopeFixture.code(units, "14233");
        namDinhUnits = List.of(
                ScopeFixture.code(units, "36").id(),
                haiMinh.id(),
                ScopeFixture.firstArea(units, haiMinh).id(),
                ScopeFixture.code(units, "13636").id());
        thaiBinhArea = units.search(
                        Scope.WHOLE_COUNTRY,
                        "Tổ dân phố Kỳ Đồng",
                        ScopeFixture.AS_OF,
                        Set.of(UnitKind.RESIDENTIAL_AREA),
                        java.util.Optional.empty(),
                        1)
                .get(0)
                .unit()
                .id();
        thaiBinhUnits = List.of(
                ScopeFixture.code(units, "34").id(),
                ScopeFixture.code(units, "12433").id(),
                thaiBinhArea);
        for (int i = 0; i < NAM_DINH; i++) {
            namDinhEntries.add(probe(NAM_DINH_OFFICER, "nd-" + i, namDinhUnits.get(i % namDinhUnits.size())));
            String other = "tb-" + i;
            probe(
                    i % 12 == 0 ? NAM_DINH_OFFICER : ScopeFixture.THAI_BINH_OFFICER,
                    other,
                    thaiBinhUnits.get(i % thaiBinhUnits.size()));
            (i % 12 == 0 ? thaiBinhByNamDinhOfficer : thaiBinhEntries).add(other);
        }
        for (int i = NAM_DINH; i < NAM_DINH + THAI_BINH_AFTER; i++) {
            thaiBinhEntries.add(
                    probe(ScopeFixture.THAI_BINH_OFFICER, "tb-" + i, thaiBinhUnits.get(i % thaiBinhUnits.size())));
        }
        thaiBinhEntries.addAll(thaiBinhByNamDinhOfficer);
        probe(NAM_DINH_OFFICER, "no-unit", null);
        probe(NAM_DINH_OFFICER, "unknown-unit", Long.MAX_VALUE);
    }

    @Test
    void eachProvincialOfficerReadsTheEntriesOfTheirProvinceOnly_newestFirst_aPageAtATime() {
        Caller namDinh = callers.forUsername(NAM_DINH_OFFICER).orElseThrow();
        AuditLog.Page first = log.search(namDinh, probes(null, null), 0);
        assertThat(first.entries()).hasSize(AuditLog.PAGE_SIZE);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.entries())
                .extracting(AuditRecord::id)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all(namDinh, probes(null, null)))
                .as("Nam Định's entries, all of them, none of Thái Bình's")
                .containsExactlyInAnyOrderElementsOf(namDinhEntries);
        AuditLog.Page second = log.search(namDinh, probes(null, null), 1);
        assertThat(second.entries()).hasSize(NAM_DINH - AuditLog.PAGE_SIZE);
        assertThat(second.hasNext()).isFalse();

        Caller thaiBinh = callers.forUsername(ScopeFixture.THAI_BINH_OFFICER).orElseThrow();
        assertThat(all(thaiBinh, probes(null, null))).containsExactlyInAnyOrderElementsOf(thaiBinhEntries);
        Caller admin = callers.forUsername("quantri").orElseThrow();
        assertThat(all(admin, probes(null, null)))
                .as("the whole country: every entry, with or without a unit")
                .hasSize(namDinhEntries.size() + thaiBinhEntries.size() + 2)
                .contains("no-unit", "unknown-unit");
    }

    @Test
    void searchingByPersonOrUnitStaysInsideTheScope() {
        Caller namDinh = callers.forUsername(NAM_DINH_OFFICER).orElseThrow();
        Caller thaiBinh = callers.forUsername(ScopeFixture.THAI_BINH_OFFICER).orElseThrow();
        assertThat(all(namDinh, probes(ScopeFixture.THAI_BINH_OFFICER, null)))
                .as("what Thái Bình's officer did in Thái Bình")
                .isEmpty();
        assertThat(all(thaiBinh, probes(NAM_DINH_OFFICER, null)))
                .as("what Nam Định's officer did in Thái Bình")
                .containsExactlyInAnyOrderElementsOf(thaiBinhByNamDinhOfficer);
        long haiMinhArea = namDinhUnits.get(2);
        assertThat(all(namDinh, probes(null, haiMinhArea))).hasSize(NAM_DINH / namDinhUnits.size());
        assertThatThrownBy(() -> log.search(namDinh, probes(null, thaiBinhArea), 0))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> log.search(thaiBinh, probes(null, haiMinhArea), 0))
                .isInstanceOf(AccessRefusedException.class);
        assertThat(all(namDinh, probes(null, Long.MAX_VALUE)))
                .as("a unit that does not exist: nothing to show")
                .isEmpty();
    }

    @Test
    void thePageShowsTheSameToTheProvincialOfficer() {
        WebSession web = new WebSession(port);
        web.signIn(NAM_DINH_OFFICER, DemoLogins.PASSWORD);
        Document first = Jsoup.parse(web.getPage("/audit?module=" + MODULE).body());
        List<String> seen = new ArrayList<>(entities(first));
        assertThat(seen).hasSize(AuditLog.PAGE_SIZE);
        Element next = first.selectFirst("a[rel=next]");
        assertThat(next).isNotNull();
        Document second = Jsoup.parse(web.getPage(next.attr("href")).body());
        seen.addAll(entities(second));
        assertThat(second.selectFirst("a[rel=next]")).isNull();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(namDinhEntries);
        for (Document page : List.of(first, second)) {
            assertThat(page.select("#audit-entries tbody tr td:nth-child(7) a"))
                    .extracting(a -> a.attr("href"))
                    .allSatisfy(href -> assertThat(namDinhUnits.stream().map(u -> "/units/" + u))
                            .contains(href));
        }
        assertThat(web.getPage("/audit?module=" + MODULE + "&unitId=" + thaiBinhArea)
                        .statusCode())
                .isEqualTo(403);
        assertThat(entities(Jsoup.parse(
                        web.getPage("/audit?module=" + MODULE + "&username=" + ScopeFixture.THAI_BINH_OFFICER)
                                .body())))
                .isEmpty();
        Document signIns = Jsoup.parse(web.getPage("/audit?module=access").body());
        assertThat(signIns.select("#audit-entries tbody tr"))
                .as("sign-ins and grants name no unit")
                .isEmpty();
        assertThat(signIns.selectFirst("[role=status]").text()).isEqualTo("Không có mục nào khớp.");
    }

    private String probe(String actor, String entity, Long unit) {
        log.recordFor(
                actor,
                new AuditEntry(AuditAction.UPDATED, MODULE, "probe", entity, unit, null, Map.of("entity", entity)));
        return entity;
    }

    private static AuditLog.Search probes(String username, Long unitId) {
        return new AuditLog.Search(username, unitId, MODULE, null, null);
    }

    /** The entity ids of every page of a search. */
    private List<String> all(Caller caller, AuditLog.Search search) {
        List<String> entities = new ArrayList<>();
        for (int page = 0; ; page++) {
            AuditLog.Page found = log.search(caller, search, page);
            found.entries().forEach(e -> entities.add(e.entityId()));
            if (!found.hasNext()) {
                return entities;
            }
        }
    }

    private static List<String> entities(Document page) {
        return page.select("#audit-entries tbody tr td:nth-child(6)").eachText().stream()
                .map(text -> text.substring(text.indexOf(' ') + 1))
                .toList();
    }
}
