package vn.tuquan.order.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tuquan.order.OrderFacts;
import vn.tuquan.order.UnitFacts;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.FieldRefusedException;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;

/**
 * The facts of the security-and-order registers per unit and period: what the evaluation and the
 * dashboards read. Counts only, never a person: ORDER_READ is enough.
 */
@RestController
@RequestMapping("/api/v1/order/facts")
@Tag(
        name = "order facts",
        description = "Số liệu ANTT theo đơn vị và kỳ / security and order facts per unit and period")
@Requires(Permission.ORDER_READ)
class OrderFactsApi {

    private final OrderFacts facts;

    OrderFactsApi(OrderFacts facts) {
        this.facts = facts;
    }

    @GetMapping("/units/{unitId}")
    @Operation(
            summary =
                    "Facts of the unit and of every unit under it for an evaluation period (counts over each unit's subtree)")
    List<UnitFacts> forSubtree(
            @PathVariable long unitId,
            @Parameter(
                            description =
                                    "the period's year, e.g. 2017 (31/10/2016–31/10/2017 for residential areas under TT 23)")
                    @RequestParam(required = false)
                    Integer year) {
        return facts.forSubtree(CurrentCaller.view(), unitId, year(year));
    }

    @GetMapping("/units/{unitId}/headline")
    @Operation(
            summary =
                    "How many residential areas and communes under the unit had no crime, no drug user, in the period")
    OrderFacts.Headline headline(@PathVariable long unitId, @RequestParam(required = false) Integer year) {
        return facts.headline(CurrentCaller.view(), unitId, year(year));
    }

    private static int year(Integer year) {
        if (year == null) {
            return Dates.today().getYear();
        }
        if (year < 2000 || year > 2200) {
            throw new BadYearException();
        }
        return year;
    }

    /** A period's year outside 2000–2200: 400. */
    static final class BadYearException extends FieldRefusedException {

        BadYearException() {
            super(null, "order.facts.year");
        }
    }
}
