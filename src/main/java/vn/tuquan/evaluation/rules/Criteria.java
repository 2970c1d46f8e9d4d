package vn.tuquan.evaluation.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every criterion there is, by code: rulebooks name them, and only these. */
public final class Criteria {

    private static final Map<String, Criterion> ALL = new LinkedHashMap<>();

    static {
        for (Criterion c : List.<Criterion>of(
                // residential areas (TT 124 Điều 4), also read across a commune (Điều 5.2)
                new PartyResolutionQ1(),
                new HouseholdsRegistered(),
                new PoliciesCarriedOut(),
                new NoSecurityEvents(),
                new NoSeriousCrime(),
                new CrimeHeldDown(),
                new NoNewDrugUsers(),
                new NoDrugSpot(),
                new NoSeriousSubjectiveFireOrAccident(),
                new DisputesMediated(),
                new ReEducation(),
                // communes (Điều 5)
                new EffectiveModel(),
                new PoliceAdvised(),
                new PoliceNotDisciplined(),
                new PoliceRatedAdvanced(),
                new ChildrenRegisteredAndRecognised(),
                // agencies and enterprises (Điều 6; TT 23 Điều 7)
                new SecurityPlan(),
                new InternalRules(),
                new StaffBriefed(),
                new StaffSigned(),
                new NoMassComplaintOrStrike(),
                new NoHighValueTheft(),
                new NoSecretLeak(),
                new NoStaffOffence(),
                // schools (Điều 7)
                new SchoolParentsCoordination(),
                new NoSchoolViolence(),
                new StaffFulfilDuties(),
                new PupilsSigned())) {
            if (ALL.put(c.code(), c) != null) {
                throw new IllegalStateException("two criteria share the code " + c.code());
            }
        }
    }

    private Criteria() {}

    public static Criterion get(String code) {
        Criterion c = ALL.get(code);
        if (c == null) {
            throw new IllegalArgumentException("no criterion has the code " + code);
        }
        return c;
    }

    public static boolean exists(String code) {
        return ALL.containsKey(code);
    }

    public static Map<String, Criterion> all() {
        return Collections.unmodifiableMap(ALL);
    }
}
