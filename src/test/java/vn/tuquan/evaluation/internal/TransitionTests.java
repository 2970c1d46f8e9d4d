package vn.tuquan.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tuquan.evaluation.Evaluation.Status.ACCEPTED;
import static vn.tuquan.evaluation.Evaluation.Status.DRAFT;
import static vn.tuquan.evaluation.Evaluation.Status.NOT_REGISTERED;
import static vn.tuquan.evaluation.Evaluation.Status.RECOGNISED;
import static vn.tuquan.evaluation.Evaluation.Status.REGISTERED;
import static vn.tuquan.evaluation.Evaluation.Status.REJECTED;
import static vn.tuquan.evaluation.Evaluation.Status.RETURNED;
import static vn.tuquan.evaluation.Evaluation.Status.SUBMITTED;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.tuquan.evaluation.Evaluation.Status;
import vn.tuquan.units.UnitKind;

/** The table of the process's steps (RULEBOOK.md "Process and authority") and the competent level's kind. */
class TransitionTests {

    @Test
    void fromEachStatusOnlyTheProcessStepsLeadOn() {
        assertThat(NOT_REGISTERED.next()).containsExactly(REGISTERED);
        assertThat(REGISTERED.next()).containsExactlyInAnyOrder(DRAFT, SUBMITTED);
        assertThat(DRAFT.next()).containsExactlyInAnyOrder(DRAFT, SUBMITTED);
        assertThat(RETURNED.next()).containsExactlyInAnyOrder(DRAFT, SUBMITTED);
        assertThat(SUBMITTED.next()).containsExactlyInAnyOrder(ACCEPTED, RETURNED);
        assertThat(ACCEPTED.next()).containsExactlyInAnyOrder(RECOGNISED, REJECTED);
        assertThat(RECOGNISED.next()).containsExactly(ACCEPTED);
        assertThat(REJECTED.next()).containsExactly(ACCEPTED);
    }

    @Test
    void aRepeatedStepIsNotAllowed() {
        for (Transition step : EnumSet.complementOf(EnumSet.of(Transition.ENTER))) {
            assertThat(step.allowedFrom(step.to())).as(step.name()).isFalse();
        }
        assertThat(Transition.ENTER.allowedFrom(DRAFT))
                .as("a draft takes more entries")
                .isTrue();
    }

    @Test
    void theUnitEditsWhatItMaySubmitAndOnlyADecisionIsReopened() {
        Set<Status> editable = EnumSet.noneOf(Status.class);
        Set<Status> decided = EnumSet.noneOf(Status.class);
        for (Status s : Status.values()) {
            if (s.editable()) {
                editable.add(s);
            }
            if (s.decided()) {
                decided.add(s);
            }
        }
        assertThat(editable)
                .containsExactlyInAnyOrder(REGISTERED, DRAFT, RETURNED)
                .isEqualTo(Transition.SUBMIT.from())
                .isEqualTo(Transition.ENTER.from());
        assertThat(decided).containsExactlyInAnyOrder(RECOGNISED, REJECTED).isEqualTo(Transition.REOPEN.from());
    }

    @Test
    void theCompetentLevelOfACommuneChangesWithTheReform() {
        assertThat(CompetentLevels.kind(UnitKind.COMMUNE, CompetentLevels.REFORM.minusDays(1)))
                .isEqualTo(UnitKind.DISTRICT);
        assertThat(CompetentLevels.kind(UnitKind.COMMUNE, CompetentLevels.REFORM))
                .isEqualTo(UnitKind.PROVINCE);
        assertThat(CompetentLevels.kind(UnitKind.DISTRICT, LocalDate.of(2017, 10, 31)))
                .isEqualTo(UnitKind.PROVINCE);
        for (UnitKind kind :
                EnumSet.of(UnitKind.RESIDENTIAL_AREA, UnitKind.AGENCY, UnitKind.ENTERPRISE, UnitKind.SCHOOL)) {
            assertThat(CompetentLevels.kind(kind, LocalDate.of(2026, 10, 31)))
                    .as(kind.name())
                    .isEqualTo(UnitKind.COMMUNE);
        }
    }
}
