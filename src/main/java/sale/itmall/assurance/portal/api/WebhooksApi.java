package sale.itmall.assurance.portal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.callbacks.Callback;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sale.itmall.assurance.webhooks.Signature;
import sale.itmall.assurance.webhooks.WebhookEvent;
import sale.itmall.assurance.webhooks.Webhooks;

/** Service administrators subscribe the vendor's systems to events, read the delivery log and send again. */
@RestController
@RequestMapping("/api/admin/webhooks")
@Tag(name = "Events for your systems (webhooks)")
class WebhooksApi {

    /** A subscription asked for: the endpoint, the event types (e.g. {@code rma.authorized}) and what it is for. */
    record SubscriptionRequest(String url, List<String> eventTypes, String description) {}

    private final Webhooks webhooks;

    WebhooksApi(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(summary = "Subscribe an endpoint to event types; answers the signing secret, shown only this once")
    @Callback(
            name = "event",
            callbackUrlExpression = "{$request.body#/url}",
            operation =
                    @Operation(
                            method = "post",
                            summary = "One event, sent until the endpoint answers 2xx (backoff 10 s doubling to 1 h,"
                                    + " about a day); the same id on every attempt",
                            parameters = {
                                @Parameter(
                                        in = ParameterIn.HEADER,
                                        name = Signature.HEADER,
                                        required = true,
                                        description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" keyed"
                                                + " with the subscription's secret>"),
                                @Parameter(in = ParameterIn.HEADER, name = "X-ITMall-Event", description = "The type"),
                                @Parameter(
                                        in = ParameterIn.HEADER,
                                        name = "X-ITMall-Event-Id",
                                        description = "The event's id: drop a repeat by it")
                            },
                            requestBody =
                                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                            content = @Content(schema = @Schema(implementation = WebhookEvent.class))),
                            responses = @ApiResponse(responseCode = "200", description = "Received")))
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    // two annotations are called RequestBody, Spring's (imported) and OpenAPI's (the callback's body): one is named in
    // full
    @SuppressWarnings("PMD.NoInlineFullyQualifiedName")
    Webhooks.Created subscribe(Principal me, @RequestBody SubscriptionRequest request) {
        return webhooks.subscribe(request.url(), request.eventTypes(), request.description(), "staff:" + me.getName());
    }

    @Operation(summary = "The subscriptions (secrets by their first characters only)")
    @GetMapping
    List<Webhooks.Subscription> subscriptions() {
        return webhooks.subscriptions();
    }

    @Operation(summary = "Turn a subscription off: no more events are sent to it")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@PathVariable long id) {
        webhooks.deactivate(id);
    }

    @Operation(summary = "A subscription's latest 100 deliveries, newest first: state, attempts, last answer")
    @GetMapping("/{id}/deliveries")
    List<Webhooks.Delivery> deliveries(@PathVariable long id) {
        webhooks.subscription(id);
        return webhooks.deliveries(id, 100);
    }

    @Operation(summary = "Send a delivered or failed event again, with the same event id")
    @PostMapping("/deliveries/{id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void sendAgain(@PathVariable long id) {
        webhooks.sendAgain(id);
    }

    @ExceptionHandler(Webhooks.Refused.class)
    ProblemDetail refused(Webhooks.Refused e) {
        boolean unknown = "id".equals(e.field());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                unknown ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle(unknown ? "Not found" : "Subscription not accepted");
        problem.setType(URI.create("https://itmall.sale/problems/webhook-refused"));
        problem.setProperty("field", e.field());
        return problem;
    }
}
