/** The texts every front end shows for a use case's result (statistics, models, test scores, judgements, trainings), so the chat, the console and the command line word them alike. */
package umimegu.report;
