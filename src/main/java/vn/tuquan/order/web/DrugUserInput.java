package vn.tuquan.order.web;

import vn.tuquan.order.PersonDetails;

/** The form that registers a drug user, as typed (bound by name; read back when refused). */
public record DrugUserInput(String fullName, String birth, String nationalId, String address, String detectedOn) {

    PersonDetails person() {
        return new PersonDetails(fullName, birth, nationalId, address);
    }
}
