package vn.tuquan.units;

/**
 * A unit that, on an earlier day, was part of what a unit became through the recorded successions
 * ({@link Units#predecessorsOn}): the unit as it was that day, and how much of it went into the later unit.
 */
public record Predecessor(UnitView unit, Share share) {

    /** How much of a predecessor went into the later unit. */
    public enum Share {
        /** All of it (a merge): what it held that day belongs whole to the later unit. */
        WHOLE,
        /** Only a part (it, or a unit it went into on the way, was split or went on smaller). */
        PART,
        /**
         * Unknown: it did not exist that day and no succession recorded says what it was made of
         * ({@code unit} is then its first version).
         */
        UNRECORDED
    }
}
