/** The Discord adapter (Javacord 3.8.0, which no other package may import): events to chat messages, the registry to slash commands, replies to Discord messages. */
package umimegu.chat.discord;
