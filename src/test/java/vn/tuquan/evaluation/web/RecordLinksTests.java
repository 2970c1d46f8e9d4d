package vn.tuquan.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Scope;

class RecordLinksTests {

    static Caller with(Permission... permissions) {
        return new Caller(
                7,
                "someone",
                EnumSet.of(Permission.EVALUATION_READ, permissions),
                Scope.WHOLE_COUNTRY,
                Scope.WHOLE_COUNTRY);
    }

    static final Caller ORDER = with(Permission.ORDER_READ, Permission.MOVEMENT_READ);
    static final Caller SENSITIVE = with(Permission.ORDER_READ, Permission.MOVEMENT_READ, Permission.SENSITIVE_READ);
    static final Caller EVALUATION_ONLY = with();

    @Test
    void incidentsLeadToTheFilteredListOfTheUnitAndTheWindowItWasCountedIn() {
        assertThat(RecordLinks.of("incidents.kind.CRIME", 5, "RESIDENTIAL_AREA", 2017, ORDER))
                .isEqualTo("/order/incidents?unit=5&year=2017&periodOf=residential-area&kind=CRIME");
        // a commune's counts are in the organisations' window, as an agency's
        assertThat(RecordLinks.of("incidents.category.SECURITY_A", 5, "COMMUNE", 2017, ORDER))
                .isEqualTo("/order/incidents?unit=5&year=2017&periodOf=organisation&category=SECURITY_A");
        assertThat(RecordLinks.of("crimes.severity.SERIOUS", 9, "AGENCY", 2023, ORDER))
                .isEqualTo("/order/incidents?unit=9&year=2023&periodOf=organisation&kind=CRIME&severity=SERIOUS");
        assertThat(RecordLinks.of("previous.incidents.kind.CRIME", 5, "RESIDENTIAL_AREA", 2017, ORDER))
                .isEqualTo("/order/incidents?unit=5&year=2016&periodOf=residential-area&kind=CRIME");
        assertThat(RecordLinks.of("incidents.seriousSubjective", 5, "HOSPITAL", 2017, ORDER))
                .isEqualTo("/order/incidents?unit=5&year=2017&periodOf=organisation&kind=TRAFFIC_ACCIDENT"
                        + "&kind=LABOUR_ACCIDENT&kind=FIRE&severity=SERIOUS&subjective=true");
        assertThat(RecordLinks.of("incidents.kind.CRIME", 5, "RESIDENTIAL_AREA", 2017, EVALUATION_ONLY))
                .isNull();
    }

    @Test
    void aSumOfCountsLeadsToOneListOfAllOfThem() {
        assertThat(RecordLinks.of(
                        "crimes.severity.SERIOUS+crimes.severity.VERY_SERIOUS+crimes.severity.ESPECIALLY_SERIOUS",
                        5,
                        "COMMUNE",
                        2017,
                        ORDER))
                .isEqualTo("/order/incidents?unit=5&year=2017&periodOf=organisation&kind=CRIME"
                        + "&severity=SERIOUS&severity=VERY_SERIOUS&severity=ESPECIALLY_SERIOUS");
        assertThat(RecordLinks.of(
                        "incidents.kind.CRIME+incidents.kind.SOCIAL_EVIL", 5, "RESIDENTIAL_AREA", 2017, ORDER))
                .isEqualTo("/order/incidents?unit=5&year=2017&periodOf=residential-area&kind=CRIME&kind=SOCIAL_EVIL");
        assertThat(RecordLinks.of(
                        "incidents.category.SECURITY_A+incidents.category.SECURITY_B",
                        5,
                        "RESIDENTIAL_AREA",
                        2017,
                        ORDER))
                .isEqualTo("/order/incidents?unit=5&year=2017&periodOf=residential-area"
                        + "&category=SECURITY_A&category=SECURITY_B");
        // counts of different lists, or differing in two filters, have no one list
        assertThat(RecordLinks.of("incidents.kind.CRIME+crimes.severity.SERIOUS", 5, "RESIDENTIAL_AREA", 2017, ORDER))
                .isNull();
        assertThat(RecordLinks.of("incidents.kind.CRIME+drugUsers.new", 5, "RESIDENTIAL_AREA", 2017, SENSITIVE))
                .isNull();
    }

    @Test
    void householdsAndStaffLeadToTheCommitmentPagesOfTheRightKind() {
        assertThat(RecordLinks.of("households.registeredPercent", 5, "RESIDENTIAL_AREA", 2023, ORDER))
                .isEqualTo("/households/areas/5/commitments?year=2023");
        assertThat(RecordLinks.of("households.total", 5, "COMMUNE", 2023, ORDER))
                .isNull();
        assertThat(RecordLinks.of("staff.signed", 9, "SCHOOL", 2023, ORDER))
                .isEqualTo("/households/organisations/9/commitments?year=2023");
    }

    @Test
    void personsListsInTheWindowAndOnlyForSensitiveReaders() {
        assertThat(RecordLinks.of("drugUsers.new", 5, "RESIDENTIAL_AREA", 2023, ORDER))
                .isNull();
        assertThat(RecordLinks.of("reEducations.total", 5, "RESIDENTIAL_AREA", 2023, ORDER))
                .isNull();
        assertThat(RecordLinks.of("drugUsers.new", 5, "COMMUNE", 2023, SENSITIVE))
                .isEqualTo("/order/units/5/drug-users?year=2023&periodOf=organisation&newOnly=true");
        assertThat(RecordLinks.of("drugUsers.present", 5, "RESIDENTIAL_AREA", 2023, SENSITIVE))
                .isEqualTo("/order/units/5/drug-users?year=2023&periodOf=residential-area");
        assertThat(RecordLinks.of("reEducations.total", 5, "RESIDENTIAL_AREA", 2023, SENSITIVE))
                .isEqualTo("/order/units/5/re-educations?year=2023&periodOf=residential-area&startedOnly=true");
        assertThat(RecordLinks.of("mediations.reconciled", 5, "RESIDENTIAL_AREA", 2023, ORDER))
                .isEqualTo("/order/units/5/mediations?year=2023&periodOf=residential-area&outcome=RECONCILED");
        assertThat(RecordLinks.of("mediations.total", 5, "COMMUNE", 2023, ORDER))
                .isEqualTo("/order/units/5/mediations?year=2023&periodOf=organisation");
    }

    @Test
    void hotspotsAndModelsLeadToWhatWasCounted() {
        assertThat(RecordLinks.of("hotspots.drugs", 5, "COMMUNE", 2017, ORDER))
                .isEqualTo("/order/hotspots?unit=5&year=2017&periodOf=organisation&kind=DRUGS&unsettled=true");
        assertThat(RecordLinks.of("models.effective", 5, "COMMUNE", 2017, ORDER))
                .isEqualTo("/movement/units/5?year=2017&effective=true#models");
    }

    @Test
    void childrenLeadToTheListOnTheSamePageAndUnknownItemsNowhere() {
        assertThat(RecordLinks.of("children.recognised", 3, "COMMUNE", 2017, EVALUATION_ONLY))
                .isEqualTo("/evaluation/units/3/years/2017?children=recognised#children");
        assertThat(RecordLinks.of("children.residentialAreas.total", 3, "COMMUNE", 2017, EVALUATION_ONLY))
                .isEqualTo("/evaluation/units/3/years/2017?childKind=RESIDENTIAL_AREA#children");
        assertThat(RecordLinks.of("resolution", 3, "COMMUNE", 2017, SENSITIVE)).isNull();
        assertThat(RecordLinks.of(null, 3, "COMMUNE", 2017, SENSITIVE)).isNull();
    }
}
