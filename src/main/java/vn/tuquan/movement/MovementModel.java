package vn.tuquan.movement;

import java.time.LocalDate;
import java.util.List;

/** A model run by a unit (GLOSSARY: Model), with its latest yearly assessment when there is one. */
public record MovementModel(
        long id,
        long unitId,
        String typeCode,
        String name,
        LocalDate startedOn,
        LocalDate endedOn,
        String leader,
        Integer members,
        List<String> campaigns) {

    public MovementModel {
        campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
    }

    /** A model as entered in a form or sent to the API. */
    public record Form(
            String typeCode,
            String name,
            LocalDate startedOn,
            LocalDate endedOn,
            String leader,
            Integer members,
            List<String> campaigns) {}

    /** The yearly "working effectively" assessment, with its reason. */
    public record Assessment(long modelId, int year, boolean effective, String reason) {}
}
