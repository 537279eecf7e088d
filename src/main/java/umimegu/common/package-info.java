/** Small helpers every layer may use: SHA-256 names and PNG encoding. */
package umimegu.common;
