/** The prediction history port: records, stats queries and periods, and the background recorder that keeps the store off the answer path. */
package umimegu.history;
