/** Learning from the community: judgements of answers, the review queue, pictures added from the chat, channel modes. */
package umimegu.teaching;
