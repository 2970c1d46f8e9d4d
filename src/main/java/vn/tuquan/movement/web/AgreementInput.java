package vn.tuquan.movement.web;

import java.util.ArrayList;
import java.util.List;
import vn.tuquan.movement.Title;

/**
 * The form that records or corrects an agreement, as typed: the adding form chooses one party ({@code partyId}), the
 * correcting form several ({@code partyIds}).
 */
public record AgreementInput(String partyId, List<String> partyIds, String signedOn, String content, String campaigns) {

    /** The agreement with the one party the adding form chose. */
    Title.AgreementForm added() {
        Integer party = FormText.number(partyId, "partyId");
        return form(party == null ? List.of() : List.of(party.longValue()));
    }

    /** The agreement with the parties the correcting form chose. */
    Title.AgreementForm corrected() {
        List<Long> parties = new ArrayList<>();
        for (String party : partyIds == null ? List.<String>of() : partyIds) {
            parties.add(FormText.number(party, "partyIds").longValue());
        }
        return form(parties);
    }

    private Title.AgreementForm form(List<Long> parties) {
        return new Title.AgreementForm(parties, FormText.date(signedOn, "signedOn"), content, FormText.list(campaigns));
    }
}
