/** Small helpers every layer may use: SHA-256 names, PNG encoding, a warm-up that waits for the JIT. */
package umimegu.common;
