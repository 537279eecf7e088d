/** The chat on a terminal: typed lines and picture paths in, replies and written files out. */
package umimegu.chat.console;
