/** The command line (picocli): one small class per command, each mapping its flags to a use case and its result to text. */
package umimegu.cli;
