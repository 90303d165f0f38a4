/**
 * Events for the vendor's systems: service administrators subscribe an endpoint to event types; each step the
 * returns module publishes becomes a signed JSON event, delivered through an outbox with backoff until the endpoint
 * answers 2xx, once per subscription, with a delivery log and a resend.
 */
package sale.itmall.assurance.webhooks;
