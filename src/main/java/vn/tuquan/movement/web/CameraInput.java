package vn.tuquan.movement.web;

import vn.tuquan.movement.Camera;

/** The form that registers or corrects a camera, as typed. */
public record CameraInput(
        String modelId, String latitude, String longitude, String owner, String description, String installedOn) {

    /** The camera's form; a number or date that is not one is refused naming its field. */
    Camera.Form form() {
        Integer model = FormText.number(modelId, "modelId");
        return new Camera.Form(
                model == null ? null : model.longValue(),
                FormText.decimal(latitude, "latitude"),
                FormText.decimal(longitude, "longitude"),
                owner,
                description,
                FormText.date(installedOn, "installedOn"));
    }
}
