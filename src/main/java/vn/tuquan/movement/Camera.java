package vn.tuquan.movement;

import java.time.LocalDate;

/** A security camera: where it is, who owns it, the area (unit) it watches and the model it belongs to. */
public record Camera(
        long id,
        long unitId,
        Long modelId,
        double latitude,
        double longitude,
        String owner,
        String description,
        LocalDate installedOn) {

    public record Form(
            Long modelId, Double latitude, Double longitude, String owner, String description, LocalDate installedOn) {}
}
