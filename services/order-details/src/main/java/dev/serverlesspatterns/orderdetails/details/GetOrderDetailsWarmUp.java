package dev.serverlesspatterns.orderdetails.details;

import dev.serverlesspatterns.events.orders.OrderSummary;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link GetOrderDetails} past its priming event (an id no order can have, refused before any
 * call): each callee's {@code Invoke} as a DryRun, which runs no function, and the JSON of a partial answer (built,
 * never sent).
 */
@Component
@WarmsUp("getOrderDetails")
class GetOrderDetailsWarmUp implements PrimingWarmUp {

    private final DetailsCallees callees;
    private final ApiResponses responses;

    GetOrderDetailsWarmUp(DetailsCallees callees, ApiResponses responses) {
        this.callees = callees;
        this.responses = responses;
    }

    @Override
    public void warmUp() {
        callees.dryRun();
        OrderSummary order = OrderSummary.notFound("00000000-0000-0000-0000-000000000000");
        responses.json(
                200,
                OrderDetails.of(
                        order,
                        null,
                        null,
                        List.of(new MissingPart(Part.SHIPMENT.label(), "CALLEE_TIMED_OUT", "snapstart-priming"))));
    }
}
