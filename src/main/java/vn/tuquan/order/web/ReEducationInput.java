package vn.tuquan.order.web;

import vn.tuquan.order.PersonDetails;

/** The form that opens a re-education case, as typed. */
public record ReEducationInput(
        String fullName, String birth, String nationalId, String address, String startedOn, String responsible) {

    PersonDetails person() {
        return new PersonDetails(fullName, birth, nationalId, address);
    }
}
