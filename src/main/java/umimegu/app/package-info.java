/** Wiring by hand: one {@link umimegu.app.Application} per configuration builds the stores, detectors, use cases and the chat core that every front end uses. */
package umimegu.app;
