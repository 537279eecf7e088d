/** Reads {@code config/umimegu.properties} over the built-in defaults and validates it into records; unknown keys are named with the closest known one. */
package umimegu.config;
